import FeedModel
import FeedStore
import GRDB
import Testing

/// A file store is WAL: readers and the one writer do not wait for each other.
@Suite struct ConcurrentAccessTests {
    /// In rollback-journal mode the import could not commit while another connection holds a read
    /// transaction (it would wait out the busy timeout and fail); in WAL it commits at once, and
    /// the reader keeps seeing the database as it was when its transaction began.
    @Test func anImportCommitsWhileAReaderHoldsItsSnapshot() throws {
        try StoreFixtures.withFileStore { store, _ in
            let source = try store.registerSource(address: "feed.xml", kind: .imported)
            _ = try store.apply(entries: [StoreFixtures.entry("before")], to: source.id)
            let reader = try DatabaseQueue(path: try #require(store.path))
            try reader.inDatabase { db in
                try db.beginTransaction(.deferred)
                defer { if db.isInsideTransaction { try? db.rollback() } }
                let countBefore = try Int.fetchOne(db, sql: "SELECT count(*) FROM article")
                let tally = try store.apply(entries: [StoreFixtures.entry("during-1"), StoreFixtures.entry("during-2")],
                                            to: source.id)
                let countInSnapshot = try Int.fetchOne(db, sql: "SELECT count(*) FROM article")
                try db.commit()
                let countAfter = try Int.fetchOne(db, sql: "SELECT count(*) FROM article")
                #expect(tally == ImportTally(new: 2))
                #expect(countBefore == 1)
                #expect(countInSnapshot == 1)
                #expect(countAfter == 3)
            }
        }
    }

    @Test func readsDoNotWaitForAnOpenWriteAndDoNotSeeIt() throws {
        try StoreFixtures.withFileStore { store, _ in
            _ = try store.registerSource(address: "committed.xml", kind: .imported)
            let writer = try DatabaseQueue(path: try #require(store.path))
            try writer.inDatabase { db in
                try db.beginTransaction(.immediate)
                defer { try? db.rollback() }
                try db.execute(sql: """
                    INSERT INTO source (address, kind, added) VALUES ('uncommitted.xml', 'imported', 0)
                    """)
                #expect(try store.sources().map(\.address) == ["committed.xml"])
                #expect(try store.sourceCount() == 1)
            }
        }
    }

    /// Three readers poll while one import of 2,000 entries runs: each sees all of it or none of it.
    @Test func concurrentReadersSeeAnImportWhollyOrNotAtAll() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try FeedStore(path: folder.path("store.sqlite"))
        let source = try await store.registerSource(address: "feed.xml", kind: .imported)
        let entries = (0..<2000).map { StoreFixtures.entry("e\($0)") }

        let counts = try await withThrowingTaskGroup(of: [Int].self) { group in
            group.addTask {
                _ = try await store.apply(entries: entries, to: source.id)
                return []
            }
            for _ in 0..<3 {
                group.addTask {
                    var seen: [Int] = []
                    // Until the import shows; cancelled (the group is) if the import fails.
                    repeat {
                        try Task.checkCancellation()
                        seen.append(try store.articleCount())
                        await Task.yield()
                    } while seen.last != 2000
                    return seen
                }
            }
            var all: [Int] = []
            for try await seen in group { all += seen }
            return all
        }
        #expect(counts.allSatisfy { $0 == 0 || $0 == 2000 })
        #expect(try store.articleCount() == 2000)
    }
}
