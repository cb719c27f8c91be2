/// A small deterministic generator (SplitMix64), shared by every test target that feeds random
/// input: the same seed gives the same bytes, so a failing run repeats exactly.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// Up to `maxLength` characters drawn from `alphabet`.
    public mutating func string(from alphabet: [Character], maxLength: Int) -> String {
        let length = Int.random(in: 0...maxLength, using: &self)
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &self)] })
    }
}
