import Testing
import Pipeline

/// sacct's records of ended array tasks, parsed from output captured on the local
/// cluster with accounting (`scripts/slurm-local.sh up --accounting`, Slurm 22.05.8):
/// `sacct -n -P -X -j 317,320,321,324,325 -o JobID,State,ExitCode,Elapsed` after
/// cancelling running tasks (317), a batch job exiting 3 (320, not an array), an array
/// completing (321; its task 2, cancelled alone while held, has no record), a held
/// array cancelled whole (324) and tasks killed by SIGKILL (325).
struct SlurmAccountingTests {
    static let captured = """
        317_0|CANCELLED by 0|0:0|00:00:09
        317_1|CANCELLED by 0|0:0|00:00:02
        317_2|CANCELLED by 0|0:0|00:00:07
        320|FAILED|3:0|00:00:00
        321_0|COMPLETED|0:0|00:00:00
        321_1|COMPLETED|0:0|00:00:00
        321_3|COMPLETED|0:0|00:00:00
        324_[0-3]|CANCELLED by 0|0:0|00:00:00
        325_0|FAILED|0:9|00:00:00
        325_1|FAILED|0:9|00:00:00

        """

    @Test func capturedOutputGivesEachTasksEnding() {
        let accounting = SlurmAccounting(sacctOutput: Self.captured)
        #expect(accounting.endings.count == 3 + 3 + 4 + 2)
        #expect(accounting[SlurmTask(jobID: "317", index: 1)]
                == SlurmTaskEnding(state: .cancelled, cancelledBy: "0", elapsed: "00:00:02"))
        #expect(accounting[SlurmTask(jobID: "321", index: 3)] == SlurmTaskEnding(state: .completed))
        #expect(accounting[SlurmTask(jobID: "321", index: 2)] == nil)
        for index in 0...3 {
            #expect(accounting[SlurmTask(jobID: "324", index: index)]?.state == .cancelled)
        }
        #expect(accounting[SlurmTask(jobID: "324", index: 4)] == nil)
        #expect(accounting[SlurmTask(jobID: "325", index: 0)] == SlurmTaskEnding(state: .failed, signal: 9))
        #expect(accounting[SlurmTask(jobID: "320", index: 0)] == nil, "not an array task")
    }

    @Test func endingsSayHowTheTaskEnded() {
        let accounting = SlurmAccounting(sacctOutput: Self.captured)
        #expect(accounting[SlurmTask(jobID: "317", index: 0)]?.description == "CANCELLED by 0 after 00:00:09")
        #expect(accounting[SlurmTask(jobID: "325", index: 1)]?.description == "FAILED, killed by signal 9 after 00:00:00")
        #expect(SlurmTaskEnding(state: "FAILED", exitCode: "1:0", elapsed: "00:00:01")?.description
                == "FAILED with exit code 1 after 00:00:01")
        #expect(SlurmTaskEnding(state: "TIMEOUT", exitCode: "0:0", elapsed: "01:00:00")?.description
                == "TIMEOUT after 01:00:00")
        #expect(SlurmTaskEnding(state: "OUT_OF_MEMORY", exitCode: "0:125", elapsed: "00:00:05")?.description
                == "OUT_OF_MEMORY, killed by signal 125 after 00:00:05")
    }

    /// Tasks that have not ended, and malformed lines, give no ending.
    @Test func unendedAndMalformedLinesAreSkipped() {
        let output = """
            400_0|RUNNING|0:0|00:00:06
            400_[1-3%1]|PENDING|0:0|00:00:00
            401_0|REQUEUED|0:0|00:00:01
            402_0|FAILED|x:0|00:00:00
            402_1|FAILED|1:0
            403_N|FAILED|1:0|00:00:00
            """
        #expect(SlurmAccounting(sacctOutput: output).endings.isEmpty)
        #expect(SlurmAccounting.sacctArguments(jobIDs: ["5", "7"])
                == ["-n", "-P", "-X", "-j", "5,7", "-o", "JobID,State,ExitCode,Elapsed"])
    }

    /// `AccountingStorageType` in `scontrol show config` of the local cluster with and
    /// without accounting; absent, it is taken for none.
    @Test func scontrolShowConfigSaysWhetherAccountingIsOn() throws {
        let on = """
            AccountingStorageBackupHost = (null)
            AccountingStorageEnforce = none
            AccountingStorageHost   = vm
            AccountingStoragePort   = 6819
            AccountingStorageType   = accounting_storage/slurmdbd
            MaxArraySize            = 8
            """
        let configuration = try SlurmClusterConfiguration(scontrolOutput: on)
        #expect(configuration.hasAccounting && configuration.accountingStorageType == "accounting_storage/slurmdbd")
        let off = try SlurmClusterConfiguration(scontrolOutput: """
            AccountingStorageType   = accounting_storage/none
            MaxArraySize            = 8
            """)
        #expect(!off.hasAccounting)
        #expect(!(try SlurmClusterConfiguration(scontrolOutput: "MaxArraySize = 8\n")).hasAccounting)
    }
}
