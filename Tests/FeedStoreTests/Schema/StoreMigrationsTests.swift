import FeedModel
@testable import FeedStore
import Foundation
import GRDB
import Testing

@Suite struct StoreMigrationsTests {
    @Test func anEmptyFileGetsEveryTableAndTheMigrationIsRecorded() throws {
        try StoreFixtures.withFileStore { store, folder in
            let path = try #require(store.path)
            let tables = try DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                    """)
            }
            #expect(tables == ["article", "articleCategory", "articleLink", "articlePerson", "grdb_migrations", "source"])
            let migrations = try DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            }
            #expect(migrations == ["Create sources and articles", "Key child rows by article and position"])
        }
    }

    @Test func aStoreFromTheFirstSchemaKeepsItsArticlesLinksPeopleAndCategories() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("store.sqlite")
        let old = try DatabaseQueue(path: path)
        try StoreMigrations.migrator.migrate(old, upTo: "Create sources and articles")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO source (id, address, kind, added) VALUES (1, 'https://harbour.example/rss', 'imported', 0);
                INSERT INTO article (id, sourceId, stableId, title, titleType, firstSeen, lastChanged, sortTime, contentHash)
                    VALUES (7, 1, 'https://harbour.example/tide', 'Tide', 'text', 0, 0, 0, 'x');
                INSERT INTO articleLink (articleId, position, href, rel) VALUES (7, 0, 'https://harbour.example/tide', 'alternate');
                INSERT INTO articlePerson (articleId, role, position, name) VALUES (7, 'author', 0, 'Mara Quay');
                INSERT INTO articleCategory (articleId, position, term) VALUES (7, 0, 'tides');
                """)
        }
        try old.close()

        let store = try FeedStore(path: path)
        let article = try #require(try store.article(id: ArticleID(rawValue: 7)))
        #expect(article.entry.links == [Link(href: "https://harbour.example/tide")])
        #expect(article.entry.authors == [Person(name: "Mara Quay")])
        #expect(article.entry.categories == [FeedModel.Category(term: "tides")])
    }

    @Test func aFileStoreIsInWALMode() throws {
        try StoreFixtures.withFileStore { store, _ in
            let path = try #require(store.path)
            let mode = try DatabaseQueue(path: path).read { db in
                try String.fetchOne(db, sql: "PRAGMA journal_mode")
            }
            #expect(mode == "wal")
        }
    }

    @Test func theStoreCreatesTheFolderItIsIn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("nested/feeds/store.sqlite")
        _ = try FeedStore(path: path)
        #expect(FileManager.default.fileExists(atPath: path))
    }

    @Test func reopeningAStoreKeepsWhatItHeld() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("store.sqlite")
        let entry = StoreFixtures.richEntry()
        do {
            let store = try FeedStore(path: path)
            let source = try store.registerSource(address: "https://example.com/feed", kind: .imported)
            _ = try store.apply(entries: [entry], to: source.id)
        }
        let reopened = try FeedStore(path: path)
        #expect(try reopened.sources().map(\.address) == ["https://example.com/feed"])
        #expect(try reopened.articles().map(\.entry) == [entry])
    }

    @Test func aStoreWrittenByANewerVersionIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("store.sqlite")
        _ = try FeedStore(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('A migration from the future')")
        }
        #expect {
            _ = try FeedStore(path: path)
        } throws: { error in
            guard case FeedStoreError.cannotOpen(let failedPath, let reason)? = error as? FeedStoreError else { return false }
            return failedPath == path && reason.contains("newer")
        }
    }

    @Test func aFileThatIsNotADatabaseIsACannotOpenError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("store.sqlite")
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try FeedStore(path: path)
        } throws: { error in
            guard case FeedStoreError.cannotOpen(let failedPath, let reason)? = error as? FeedStoreError else { return false }
            return failedPath == path && reason.contains("SQLite error")
        }
    }
}
