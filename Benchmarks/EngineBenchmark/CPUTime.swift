#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU seconds this process has used, all threads together (`CLOCK_PROCESS_CPUTIME_ID`).
///
/// On a machine shared with other work, wall-clock rates fall whenever the process waits
/// for a core; CPU-time rates of a one-thread run do not, so they compare two builds more
/// steadily (with more threads they also count time spent waiting for helpers).
func processCPUSeconds() -> Double {
    var time = timespec()
    guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return .nan }
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
