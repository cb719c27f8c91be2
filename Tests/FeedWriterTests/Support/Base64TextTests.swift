@testable import FeedWriter
import Testing

@Suite("base64 for binary content")
struct Base64TextTests {
    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                      ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")])
    func encodesTheRFC4648TestVectors(text: String, encoded: String) {
        #expect(Base64Text.encode(Array(text.utf8)) == encoded)
        #expect(Base64Text.decode(encoded) == (encoded.isEmpty ? nil : Array(text.utf8)))
    }

    @Test func base64OfBinaryBytesIsKeptAndAnythingElseIsEncoded() {
        // 0xFF 0xFE is not UTF-8: the value is base64 already.
        #expect(Base64Text.representation(of: "//4=") == "//4=")
        // "Zm9v" decodes to UTF-8 text: the model would hold the text, so this is text to encode.
        #expect(Base64Text.representation(of: "Zm9v") == "Wm05dg==")
        #expect(Base64Text.representation(of: "hello, world") == "aGVsbG8sIHdvcmxk")
    }
}
