#!/usr/bin/env python3
"""PyTorch reference for the engine benchmark: the same MLPs, loop and figures.

For each configuration: an MLP 784-hidden-10 (nn.Linear, the activation, Xavier-uniform
weights for tanh as the seed study does), NLL of log-softmax, plain SGD at lr 0.01,
mini-batches of a shuffled training prefix (the last partial batch kept), then eval-mode
passes over that prefix, dev and test in batches of 1000. Prints training samples/s,
evaluation samples/s and training GFLOP/s (6 x parameters per training sample) for the
best of the timed epochs, after one warm-up epoch.

Usage: pytorch_reference.py [--data DIR] [--threads 1,2] [--only NAME] [--epochs N]
DIR defaults to $TRACKER_DATA/mnist.
"""
import argparse
import gzip
import os
import struct
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# name, hidden sizes, activation, batch size, training samples per epoch
CONFIGS = [
    ("128-128 tanh b100", [128, 128], "tanh", 100, 50000),
    ("128-128 tanh b10", [128, 128], "tanh", 10, 20000),
    ("128-128 tanh b1", [128, 128], "tanh", 1, 5000),
    ("800-800-800 relu b10", [800, 800, 800], "relu", 10, 5000),
    ("800-800-800 relu b2000", [800, 800, 800], "relu", 2000, 20000),
    ("512-256-128-64-32-16 relu b8000", [512, 256, 128, 64, 32, 16], "relu", 8000, 50000),
]
EVAL_BATCH = 1000


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 0x803:
        rows, cols = struct.unpack(">II", data[8:16])
        return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(count, rows * cols)
    return np.frombuffer(data, dtype=np.uint8, offset=8)


def load(directory):
    def pair(prefix):
        x = read_idx(os.path.join(directory, f"{prefix}-images-idx3-ubyte.gz"))
        y = read_idx(os.path.join(directory, f"{prefix}-labels-idx1-ubyte.gz"))
        return torch.from_numpy(x.astype(np.float32) / 255.0), torch.from_numpy(y.astype(np.int64))

    train_x, train_y = pair("train")
    test_x, test_y = pair("t10k")
    return (train_x[:50000], train_y[:50000]), (train_x[50000:], train_y[50000:]), (test_x, test_y)


def make_model(hidden, activation):
    layers, width = [], 784
    for size in hidden:
        layers += [nn.Linear(width, size), nn.Tanh() if activation == "tanh" else nn.ReLU()]
        width = size
    layers.append(nn.Linear(width, 10))
    model = nn.Sequential(*layers)
    if activation == "tanh":
        for m in model.modules():
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
    return model


def train_epoch(model, optimizer, x, y, batch):
    model.train()
    order = torch.randperm(x.shape[0])
    start = time.perf_counter()
    for i in range(0, x.shape[0], batch):
        idx = order[i:i + batch]
        optimizer.zero_grad(set_to_none=True)
        loss = F.nll_loss(F.log_softmax(model(x[idx]), dim=1), y[idx])
        loss.backward()
        optimizer.step()
    return time.perf_counter() - start


def evaluate(model, sets):
    model.eval()
    start = time.perf_counter()
    results = []
    with torch.no_grad():
        for x, y in sets:
            total, correct = 0.0, 0
            for i in range(0, x.shape[0], EVAL_BATCH):
                out = F.log_softmax(model(x[i:i + EVAL_BATCH]), dim=1)
                total += F.nll_loss(out, y[i:i + EVAL_BATCH], reduction="sum").item()
                correct += (out.argmax(dim=1) == y[i:i + EVAL_BATCH]).sum().item()
            results.append((total / x.shape[0], correct / x.shape[0]))
    return time.perf_counter() - start, results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.path.join(os.environ.get("TRACKER_DATA", "data"), "mnist"))
    parser.add_argument("--threads", default="1,2")
    parser.add_argument("--only", default=None, help="run only configurations whose name contains this")
    parser.add_argument("--epochs", type=int, default=2, help="timed epochs after the warm-up")
    parser.add_argument("--samples", type=int, default=None, help="override training samples per epoch")
    args = parser.parse_args()

    (tx, ty), dev, test = load(args.data)
    print(f"torch {torch.__version__}, {torch.backends.mkldnn.is_available() and 'mkldnn' or ''} "
          f"BLAS: {torch.__config__.show().count('MKL') and 'MKL' or 'other'}")
    print(f"{'configuration':34} {'thr':>3} {'train/s':>10} {'eval/s':>10} {'GFLOP/s':>8}  test acc")
    for threads in [int(t) for t in args.threads.split(",")]:
        torch.set_num_threads(threads)
        for name, hidden, activation, batch, samples in CONFIGS:
            if args.only and args.only not in name:
                continue
            samples = args.samples or samples
            torch.manual_seed(0)
            model = make_model(hidden, activation)
            params = sum(p.numel() for p in model.parameters())
            optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
            x, y = tx[:samples], ty[:samples]
            best_train, best_eval, accuracy = float("inf"), float("inf"), 0.0
            for epoch in range(args.epochs + 1):
                seconds = train_epoch(model, optimizer, x, y, batch)
                eval_seconds, results = evaluate(model, [(x, y), dev, test])
                if epoch > 0:
                    best_train = min(best_train, seconds)
                    best_eval = min(best_eval, eval_seconds)
                accuracy = results[2][1]
            train_rate = samples / best_train
            eval_rate = (samples + dev[0].shape[0] + test[0].shape[0]) / best_eval
            print(f"{name:34} {threads:>3} {train_rate:>10.0f} {eval_rate:>10.0f} "
                  f"{train_rate * 6 * params / 1e9:>8.1f}  {accuracy:.4f}", flush=True)


if __name__ == "__main__":
    main()
