#!/usr/bin/env python3
"""Regenerates tracker's --input-noise outside tracker, e.g. to train the same noisy MNIST in PyTorch.

Usage: input_noise.py SEED SIGMA SPLIT INDEX [PIXELS]
  SPLIT 0 train, 1 dev, 2 test; INDEX the image's index in its split (train counts in the
  50,000 training images, dev in the last 10,000 of the training file, test in the test file).
Prints the image's noisy intensities, one a line, given its bytes on standard input (one a line),
or for a mid-grey image (bytes 128) when none are given.

The algorithm (README, "Data perturbations"): per image, xoshiro256** seeded with four
SplitMix64 outputs from (SEED ^ 0x696E7075745F6E6F) + SPLIT * 2**32 + INDEX (mod 2**64);
Box-Muller pairs from u = (next() >> 11) * 2**-53; pixel = min(1, max(0, byte/255 + SIGMA*z)),
rounded to float32. Vectorise over images with numpy for a whole dataset.
"""
import math
import struct
import sys

MASK = (1 << 64) - 1


def splitmix64(state):
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


def xoshiro(seeder):
    s = [next(seeder) for _ in range(4)]
    while True:
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        yield result


def float32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def noisy_image(seed, sigma, split, index, pixels):
    generator = xoshiro(splitmix64(((seed ^ 0x696E7075745F6E6F) + (split << 32) + index) & MASK))
    out = []
    for j in range(0, len(pixels), 2):
        u1 = (next(generator) >> 11) * 2.0**-53
        u2 = (next(generator) >> 11) * 2.0**-53
        r = math.sqrt(-2 * math.log(1 - u1))
        for k, z in enumerate((r * math.cos(2 * math.pi * u2), r * math.sin(2 * math.pi * u2))):
            if j + k < len(pixels):
                out.append(float32(min(1.0, max(0.0, pixels[j + k] / 255 + sigma * z))))
    return out


if __name__ == "__main__":
    seed, sigma, split, index = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    count = int(sys.argv[5]) if len(sys.argv) > 5 else 784
    pixels = [int(line) for line in sys.stdin] if not sys.stdin.isatty() else [128] * count
    for value in noisy_image(seed, sigma, split, index, pixels or [128] * count):
        print(repr(value))
