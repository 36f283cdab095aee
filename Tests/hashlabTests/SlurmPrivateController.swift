import Foundation
import Testing
import TestSupport

/// A Slurm controller of its own for one test, beside the shared cluster
/// (``SlurmCluster``), for limits that cannot be set on a cluster other tests use: a
/// `slurmctld` with a `slurm.conf` in a temporary folder (its own ports, state and log;
/// this host as its node, with no `slurmd`, so its jobs stay pending) and the given
/// extra lines, e.g. a job submission plugin. It needs what the shared cluster needs (root,
/// munged, the Slurm daemons installed): tests start it only when that cluster is up.
/// Commands reach it with ``environment`` (`SLURM_CONF`); ``stop()`` ends the
/// `slurmctld` this started, by the pid in its pid file, and removes the folder.
struct SlurmPrivateController {
    let directory: TemporaryDirectory
    var configuration: String { directory.path("slurm.conf") }
    var environment: [String: String] { ["SLURM_CONF": configuration] }

    /// Starts the controller and waits (at most 30 s) until `scontrol ping` answers.
    init(_ lines: [String]) throws {
        directory = try TemporaryDirectory("hashlab-slurmctld")
        let host = SlurmCluster.run("hostname", ["-s"]).text.trimmingCharacters(in: .whitespacesAndNewlines)
        // Ports of their own, away from the shared cluster's 6817/6818.
        let port = 20_000 + Int(getpid() % 20_000) * 2
        try ([
            "ClusterName=hashlabtest", "SlurmctldHost=\(host)", "SlurmctldPort=\(port)", "SlurmdPort=\(port + 1)",
            "SlurmUser=root", "SlurmdUser=root", "AuthType=auth/munge",
            "StateSaveLocation=\(directory.path("state"))", "SlurmdSpoolDir=\(directory.path("spool"))",
            "SlurmctldPidFile=\(directory.path("slurmctld.pid"))", "SlurmctldLogFile=\(directory.path("slurmctld.log"))",
            "ProctrackType=proctrack/linuxproc", "TaskPlugin=task/none", "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_CPU", "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
        ] + lines + [
            "NodeName=\(host) CPUs=1 State=UNKNOWN",
            "PartitionName=debug Nodes=\(host) Default=YES MaxTime=INFINITE State=UP",
        ]).joined(separator: "\n").appending("\n").write(toFile: configuration, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory.path("state"), withIntermediateDirectories: true)
        let started = SlurmCluster.run("slurmctld", ["-f", configuration])
        try #require(started.status == 0, "slurmctld: \(started.text)")
        let deadline = Date().addingTimeInterval(30)
        var ping = SlurmCluster.run("scontrol", ["ping"], environment: environment)
        while !ping.text.contains("UP") && Date() < deadline {
            usleep(200_000)
            ping = SlurmCluster.run("scontrol", ["ping"], environment: environment)
        }
        if !ping.text.contains("UP") { stop() }
        try #require(ping.text.contains("UP"), "the private slurmctld did not answer: \(ping.text)")
    }

    /// Stops the controller (SIGTERM, then SIGKILL after 10 s) and removes its folder.
    func stop() {
        if let text = try? String(contentsOfFile: directory.path("slurmctld.pid"), encoding: .utf8),
           let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 {
            kill(pid, SIGTERM)
            let deadline = Date().addingTimeInterval(10)
            while kill(pid, 0) == 0 && Date() < deadline { usleep(100_000) }
            if kill(pid, 0) == 0 { kill(pid, SIGKILL) }
        }
        directory.remove()
    }
}
