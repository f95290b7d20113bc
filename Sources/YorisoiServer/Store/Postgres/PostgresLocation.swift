import Foundation

/// `--database postgres://USER@HOST:PORT/DB`: where the shared database is. The password never
/// comes from the command line (it would show in `ps` and shell history): `PGPASSWORD`, or the
/// first line of `--database-password-file`.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var user: String
    public var host: String
    public var port: Int
    public var database: String
    public var password: String?

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public init(user: String, host: String, port: Int, database: String, password: String?) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.password = password
    }

    /// Parses the URL; `password` is what `PGPASSWORD` or the password file gave.
    public init(url text: String, password: String?) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw Problem(description: "--database は postgres://USER@HOST:PORT/DB の形で指定してください / --database must be postgres://USER@HOST:PORT/DB")
        }
        if components.password != nil {
            throw Problem(description: "--database の URL にパスワードを書かないでください（PGPASSWORD か --database-password-file を使います） / "
                + "no password in the --database URL: use PGPASSWORD or --database-password-file")
        }
        guard let user = components.user, !user.isEmpty, let host = components.host, !host.isEmpty else {
            throw Problem(description: "--database にはユーザーとホストが要ります / --database needs USER@HOST")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw Problem(description: "--database にはデータベース名が要ります（…/DB） / --database needs the database name (…/DB)")
        }
        self.init(user: user, host: host, port: components.port ?? 5432, database: database, password: password)
    }

    /// The password from `PGPASSWORD`, else from the file's first line.
    public static func password(file: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw Problem(description: "--database-password-file \(file) を読めません / cannot read \(file)")
            }
            return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        }
        return environment["PGPASSWORD"]
    }

    /// For messages: never the password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}
