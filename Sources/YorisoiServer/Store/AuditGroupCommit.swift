/// Group commit for the audit log. Every request that touches personal data appends a row, and
/// the database syncs each transaction to disk (`synchronous = FULL`): one transaction per row
/// made the disk's sync time the server's speed limit (about 15 renders/s on this machine's disk
/// at 8 connections, the CPU half idle). Rows that arrive while a transaction is being written
/// wait and go together in the next one.
///
/// Durability is unchanged: `append` returns only after the transaction holding its row is on
/// disk, so no response leaves before its audit row is stored; the rows keep their arrival order
/// and their hash chain.
actor AuditGroupCommit {
    struct Entry: Sendable {
        var account: String
        var action: String
        var caseID: String?
        var municipality: String?
        var detail: String? = nil
    }

    private struct Waiting {
        var entry: Entry
        var continuation: CheckedContinuation<Void, any Error>
    }

    /// Writes the entries, in order, in one transaction.
    private let write: @Sendable ([Entry]) async throws -> Void
    private var waiting: [Waiting] = []
    private var isWriting = false

    init(write: @escaping @Sendable ([Entry]) async throws -> Void) {
        self.write = write
    }

    func append(_ entry: Entry) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            waiting.append(Waiting(entry: entry, continuation: continuation))
            if !isWriting {
                isWriting = true
                Task { await self.drain() }
            }
        }
    }

    /// Writes what is waiting, then what arrived meanwhile, until nothing is left.
    private func drain() async {
        while !waiting.isEmpty {
            let batch = waiting
            waiting = []
            do {
                try await write(batch.map(\.entry))
                for item in batch { item.continuation.resume() }
            } catch {
                for item in batch { item.continuation.resume(throwing: error) }
            }
        }
        isWriting = false
    }
}
