import Foundation

/// Another process holding an `flock` on a file, as another `hashlab run`, a Slurm task
/// or a crashed worker's child would: `flock(1)` started in the background, detached
/// from this process (its parent is init, which reaps it when killed).
public enum FlockHolder {
    /// Starts `flock -x <options> <path> <command>` and waits (at most 10 s) until the
    /// lock is held; returns flock's pid. The shell first closes every descriptor above
    /// 2 it inherited (Foundation's `Process` passes this process's on), so that the
    /// holder keeps no other test's pipe open.
    public static func start(_ path: String, options: String = "", command: String = "sleep 60") throws -> Int32 {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/bash")
        shell.arguments = ["-c", """
            for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null
            flock -x \(options) '\(path)' \(command) >/dev/null 2>&1 </dev/null & echo $!
            """]
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw ScratchMount.Failure(message: "flock did not start: \(text)")
        }
        let deadline = Date().addingTimeInterval(10)
        while !isLocked(path) && Date() < deadline { usleep(2_000) }
        return pid
    }

    /// Whether another open file description holds an `flock` on `path`.
    public static func isLocked(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else { return true }
        flock(descriptor, LOCK_UN)
        return false
    }

    /// Kills `pid` with SIGKILL and waits (at most 10 s) until it has been reaped.
    public static func kill9(_ pid: Int32) {
        kill(pid, SIGKILL)
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0 && Date() < deadline { usleep(2_000) }
    }
}
