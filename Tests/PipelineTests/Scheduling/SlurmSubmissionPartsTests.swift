import Foundation
import Pipeline
import Testing

/// The pieces of a Slurm submission that need no cluster: the split of a plan into
/// arrays, the batch script and sbatch's arguments, and the parsing of what sbatch,
/// squeue and scontrol print (captured from the single-node cluster of
/// scripts/slurm-local.sh, Slurm 22.05).
@Suite struct SlurmSubmissionPartsTests {
    @Test func plansAreSplitIntoArraysBelowMaxArraySize() {
        // 12 runs, MaxArraySize 8: indices 0…7 and then 0…3 for entries 8…11.
        #expect(SlurmArraySlice.split(count: 12, maxArraySize: 8)
                == [SlurmArraySlice(offset: 0, count: 8), SlurmArraySlice(offset: 8, count: 4)])
        #expect(SlurmArraySlice.split(count: 16, maxArraySize: 8)
                == [SlurmArraySlice(offset: 0, count: 8), SlurmArraySlice(offset: 8, count: 8)])
        #expect(SlurmArraySlice.split(count: 1001, maxArraySize: 1001) == [SlurmArraySlice(offset: 0, count: 1001)])
        #expect(SlurmArraySlice.split(count: 3, maxArraySize: 1)
                == [SlurmArraySlice(offset: 0, count: 1), SlurmArraySlice(offset: 1, count: 1),
                    SlurmArraySlice(offset: 2, count: 1)])
        #expect(SlurmArraySlice.split(count: 0, maxArraySize: 8) == [])
        #expect(SlurmArraySlice(offset: 8, count: 4).arraySpecification(parallelism: 2) == "0-3%2")
        #expect(SlurmArraySlice(offset: 0, count: 1).arraySpecification(parallelism: nil) == "0-0")
    }

    @Test func theScriptRunsThePlanFileWorkerWithQuotedPaths() {
        let script = SlurmScript(executable: "/opt/hashlab/bin/hashlab", planFile: "/shared/it's/results/slurm/s/plan.json",
                                 store: "/shared/it's/results/runs", root: "/shared/it's", logDirectory: "/shared/logs",
                                 jobName: "hashlab-aszh-ratio")
        #expect(script.text == """
            #!/bin/sh
            # hashlab: one task of a job array computes one run of /shared/it's/results/slurm/s/plan.json
            # (entry: the array's offset, given as $1, plus SLURM_ARRAY_TASK_ID).
            OPENBLAS_NUM_THREADS="${SLURM_CPUS_PER_TASK:-1}"
            export OPENBLAS_NUM_THREADS
            exec '/opt/hashlab/bin/hashlab' run-one --plan-file '/shared/it'\\''s/results/slurm/s/plan.json' \
            --index "$SLURM_ARRAY_TASK_ID" --offset "$1" --store '/shared/it'\\''s/results/runs' --root '/shared/it'\\''s'

            """)
        var forced = script
        forced.force = true
        #expect(forced.text.contains("--root '/shared/it'\\''s' --force\n"))
    }

    @Test func sbatchArgumentsCarryTheArrayTheLogsAndTheOptions() {
        let script = SlurmScript(executable: "/h", planFile: "/r/slurm/s/plan.json", store: "/r/runs", root: "/p",
                                 logDirectory: "/r/logs/slurm", jobName: "hashlab-x")
        let options = SlurmOptions(partition: "short", time: "1:00:00", cpusPerTask: 4, memory: "8G", arrayParallelism: 10,
                                   account: "lab", extraArguments: ["--qos=low", "--requeue"])
        #expect(script.sbatchArguments(for: SlurmArraySlice(offset: 8, count: 4), scriptPath: "/r/slurm/s/job.sh",
                                       options: options)
                == ["--parsable", "--job-name=hashlab-x", "--array=0-3%10", "--output=/r/logs/slurm/%A_%a.log",
                    "--partition=short", "--time=1:00:00", "--cpus-per-task=4", "--mem=8G", "--account=lab",
                    "--qos=low", "--requeue", "/r/slurm/s/job.sh", "8"])
        #expect(script.sbatchArguments(for: SlurmArraySlice(offset: 0, count: 8), scriptPath: "/j.sh", options: SlurmOptions())
                == ["--parsable", "--job-name=hashlab-x", "--array=0-7", "--output=/r/logs/slurm/%A_%a.log", "/j.sh", "0"])
    }

    @Test func sbatchParsableOutputGivesTheJobID() throws {
        #expect(try SlurmExecutor.jobID(parsableOutput: "5\n") == "5")
        #expect(try SlurmExecutor.jobID(parsableOutput: "1234;cluster-a\n") == "1234")
        #expect(throws: SlurmError.unexpectedSubmissionOutput(output: "")) { try SlurmExecutor.jobID(parsableOutput: "") }
        #expect(throws: SlurmError.unexpectedSubmissionOutput(output: "Submitted batch job 5\n")) {
            try SlurmExecutor.jobID(parsableOutput: "Submitted batch job 5\n")
        }
    }

    /// `squeue -h -r -o '%F|%K|%T'` while array 5 (8 tasks, `%2`) had tasks 0 and 1
    /// running and array 8 was queued behind it, plus lines squeue prints for a job that
    /// is no array and for array tasks not yet split off (older Slurm, or without -r).
    @Test func squeueOutputGivesEachTasksState() {
        let queue = SlurmQueue(squeueOutput: """
            5|2|PENDING
            5|3|PENDING
            5|4|PENDING
            5|5|PENDING
            5|6|PENDING
            5|7|PENDING
            8|0|PENDING
            8|1|PENDING
            8|2|PENDING
            8|3|PENDING
            5|0|RUNNING
            5|1|COMPLETING
            12|N/A|RUNNING
            13|[0-2,5%1]|PENDING
            garbage

            """)
        var expected: [SlurmTask: SlurmQueue.State] = [:]
        for index in 2...7 { expected[SlurmTask(jobID: "5", index: index)] = .pending }
        for index in 0...3 { expected[SlurmTask(jobID: "8", index: index)] = .pending }
        expected[SlurmTask(jobID: "5", index: 0)] = .running
        expected[SlurmTask(jobID: "5", index: 1)] = .running
        for index in [0, 1, 2, 5] { expected[SlurmTask(jobID: "13", index: index)] = .pending }
        #expect(queue.tasks == expected)
        #expect(queue[SlurmTask(jobID: "5", index: 8)] == nil)
        #expect(SlurmQueue(squeueOutput: "").tasks.isEmpty)
    }

    /// An excerpt of `scontrol show config` on the local cluster.
    @Test func scontrolShowConfigGivesMaxArraySize() throws {
        let output = """
            Configuration data as of 2026-12-03T19:22:57
            AccountingStorageBackupHost = (null)
            AccountingStorageEnforce = none
            MailProg                = /bin/mail
            MaxArraySize            = 8
            MaxDBDMsgs              = 20008
            MaxJobCount             = 10000

            """
        #expect(try SlurmClusterConfiguration(scontrolOutput: output).maxArraySize == 8)
        #expect(throws: SlurmError.missingMaxArraySize(output: "MaxJobCount = 10000\n")) {
            try SlurmClusterConfiguration(scontrolOutput: "MaxJobCount = 10000\n")
        }
        #expect(throws: SlurmError.missingMaxArraySize(output: "MaxArraySize = 0\n")) {
            try SlurmClusterConfiguration(scontrolOutput: "MaxArraySize = 0\n")
        }
    }

    @Test func aMissingCommandIsNamed() {
        #expect(throws: SlurmError.commandNotFound(command: "sbatch")) {
            try SlurmCommand("sbatch", environment: ["PATH": "/nonexistent:/also-not-there"])
        }
        #expect(SlurmError.commandNotFound(command: "sbatch").description
                == "sbatch not found on PATH: is this a Slurm login node (or is the Slurm client installed)?")
        #expect(SlurmError.submissionRejected(stderr: "sbatch: error: Invalid partition name specified\n").description
                == "sbatch rejected the job array: sbatch: error: Invalid partition name specified")
    }
}
