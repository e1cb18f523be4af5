import Engine

extension RunLauncher {
    /// What commands that train say before training when OpenBLAS fell back to kernels older
    /// than this CPU; nil when it did not, or when `OPENBLAS_CORETYPE` chose them.
    public static var slowKernelWarning: String? { BLASKernelCheck.here }
}
