import Foundation

enum APIError: Error {
    case unauthorized
    case server(Int)
}

final class APIClient {
    static let shared = APIClient()

    private let baseURL = URL(string: "https://api.acme.com/v3")!
    private let session: URLSession
    private let clientSecret = "«alnum:40»" ⟦+token⟧
    private let keychainService = "com.acme.shop.token" ⟦-⟧

    var accessToken: String? ⟦-⟧

    init(session: URLSession = .shared) {
        self.session = session
    }

    func request(_ path: String) async throws -> Data {
        var req = URLRequest(url: baseURL.appendingPathComponent(path))
        if let token = accessToken {
            req.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") ⟦-⟧
        }
        req.setValue(clientSecret, forHTTPHeaderField: "X-Client-Secret") ⟦-⟧
        let (data, resp) = try await session.data(for: req)
        guard let http = resp as? HTTPURLResponse else { return data }
        switch http.statusCode {
        case 200..<300: return data
        case 401: throw APIError.unauthorized
        default: throw APIError.server(http.statusCode)
        }
    }
}
