import Testing

@testable import Training

/// What a run may allocate, read from `/proc` and the cgroup files given here as text.
@Suite struct AvailableMemoryTests {
    static let meminfo = """
        MemTotal:       24576000 kB
        MemFree:         1000000 kB
        MemAvailable:   20000000 kB
        Buffers:          100000 kB

        """

    private func available(_ files: [String: String], environment: [String: String] = [:]) throws
        -> AvailableMemory?
    {
        try AvailableMemory.current(environment: environment, read: { files[$0] })
    }

    @Test func memAvailableWithoutCgroups() throws {
        #expect(
            try available(["/proc/meminfo": Self.meminfo])
                == AvailableMemory(bytes: 20_000_000 * 1024, source: "MemAvailable"))
    }

    @Test func nothingKnownWithoutProc() throws {
        #expect(try available([:]) == nil)
        #expect(try available(["/proc/meminfo": "MemTotal: 1 kB\n"]) == nil)
    }

    /// A cgroup v2 limit two levels up; the reclaimable page cache does not count as used.
    @Test func aCgroupV2LimitBelowTheSystemsMemory() throws {
        let files = [
            "/proc/meminfo": Self.meminfo,
            "/proc/self/cgroup": "0::/user.slice/job\n",
            "/sys/fs/cgroup/user.slice/job/memory.max": "max\n",
            "/sys/fs/cgroup/user.slice/job/memory.current": "300000000\n",
            "/sys/fs/cgroup/user.slice/memory.max": "2000000000\n",
            "/sys/fs/cgroup/user.slice/memory.current": "500000000\n",
            "/sys/fs/cgroup/user.slice/memory.stat": "anon 400000000\ninactive_file 100000000\nactive_file 0\n",
        ]
        #expect(
            try available(files) == AvailableMemory(bytes: 1_600_000_000, source: "cgroup memory limit"))
    }

    /// cgroup v1, as on hosts with the hybrid hierarchy: the memory controller's own line.
    @Test func aCgroupV1Limit() throws {
        let files = [
            "/proc/meminfo": Self.meminfo,
            "/proc/self/cgroup": "9:name=systemd:/\n4:memory:/process_api/abc\n0::/\n",
            "/sys/fs/cgroup/unified/cgroup.controllers": "",
            "/sys/fs/cgroup/memory/process_api/abc/memory.limit_in_bytes": "4000000000\n",
            "/sys/fs/cgroup/memory/process_api/abc/memory.usage_in_bytes": "1000000000\n",
            "/sys/fs/cgroup/memory/process_api/abc/memory.stat": "inactive_file 5\ntotal_inactive_file 200000000\n",
            "/sys/fs/cgroup/memory/process_api/memory.limit_in_bytes": "9223372036854771712\n",
            "/sys/fs/cgroup/memory/process_api/memory.usage_in_bytes": "1000000000\n",
        ]
        #expect(
            try available(files) == AvailableMemory(bytes: 3_200_000_000, source: "cgroup memory limit"))
    }

    @Test func unlimitedCgroupsLeaveMemAvailable() throws {
        let files = [
            "/proc/meminfo": Self.meminfo,
            "/proc/self/cgroup": "4:memory:/a\n",
            "/sys/fs/cgroup/memory/a/memory.limit_in_bytes": "9223372036854771712\n",
            "/sys/fs/cgroup/memory/a/memory.usage_in_bytes": "1000000000\n",
        ]
        #expect(try available(files)?.source == "MemAvailable")
    }

    @Test func theVariableReplacesWhatTheSystemSays() throws {
        let files = ["/proc/meminfo": Self.meminfo]
        #expect(
            try available(files, environment: ["TRACKER_MEMORY": "16GB"])
                == AvailableMemory(bytes: 16e9, source: "TRACKER_MEMORY"))
        #expect(try available(files, environment: ["TRACKER_MEMORY": ""])?.source == "MemAvailable")
        #expect(try available([:], environment: ["TRACKER_MEMORY": "512MiB"])?.bytes == 512 * 1_048_576)
    }

    @Test(arguments: ["lots", "-1GB", "0", "16 XB", "1e9", "GB", "nan", "inf", "1.5.2G"])
    func aVariableThatIsNotASizeIsRefused(text: String) {
        #expect(throws: ByteSizeError(variable: "TRACKER_MEMORY", text: text)) {
            try available([:], environment: ["TRACKER_MEMORY": text])
        }
        #expect(
            ByteSizeError(variable: "TRACKER_MEMORY", text: "lots").description
                == "TRACKER_MEMORY=lots: expected a size such as 16GB, 512MiB or 8000000000 (bytes)")
    }

    @Test func thisMachineSaysSomething() throws {
        let here = try #require(try AvailableMemory.current(environment: [:]))
        #expect(here.bytes > 0)
    }

    @Test(arguments: [
        ("8000000000", 8e9), ("16GB", 16e9), ("16gb", 16e9), ("1.5 GB", 1.5e9), ("512MiB", 536_870_912),
        ("64k", 64e3), ("2T", 2e12), ("1GiB", 1_073_741_824), ("100 B", 100),
    ])
    func sizes(text: String, bytes: Double) {
        #expect(ByteSize.parse(text) == bytes)
    }

    @Test(arguments: [
        (512.0, "512 B"), (999.4, "999 B"), (999.6, "1.0 kB"), (54_950_000, "55.0 MB"),
        (999_999_936, "1.0 GB"), (3.18e9, "3.2 GB"), (40.3e9, "40.3 GB"), (2.5e12, "2.5 TB"),
    ])
    func sizeText(bytes: Double, text: String) {
        #expect(ByteSize.text(bytes) == text)
    }
}
