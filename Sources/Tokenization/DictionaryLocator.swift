import Foundation

/// Finds the IPAdic UTF-8 dictionary where the system's packages install it.
///
/// MeCab's own default comes from `/etc/mecabrc`, which on Debian follows `update-alternatives`
/// and silently switches to UniDic once `unidic-mecab` is installed; kotoba never uses it. The
/// dictionary is always an explicit directory: the one given, or the first of these that holds a
/// `sys.dic`.
public enum DictionaryLocator {
    /// Where Debian, Ubuntu, Homebrew and source builds put IPAdic in UTF-8.
    public static let ipadicCandidates = [
        "/var/lib/mecab/dic/ipadic-utf8",
        "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8",
        "/usr/lib/aarch64-linux-gnu/mecab/dic/ipadic-utf8",
        "/usr/local/lib/mecab/dic/ipadic",
        "/opt/homebrew/lib/mecab/dic/ipadic",
        "/usr/lib/mecab/dic/ipadic",
    ]

    /// Where Debian and source builds put UniDic and JUMAN.
    public static let unidicCandidates = [
        "/var/lib/mecab/dic/unidic", "/usr/lib/x86_64-linux-gnu/mecab/dic/unidic", "/usr/local/lib/mecab/dic/unidic",
        "/usr/share/mecab/dic/unidic",
    ]
    public static let jumanCandidates = [
        "/var/lib/mecab/dic/juman-utf8", "/usr/lib/x86_64-linux-gnu/mecab/dic/juman-utf8", "/usr/local/lib/mecab/dic/jumandic",
    ]

    /// The Debian package that installs each family.
    public static func package(of family: FeatureLayout.Family) -> String {
        switch family {
        case .ipadic: "mecab-ipadic-utf8"
        case .unidic: "unidic-mecab"
        case .juman: "mecab-jumandic-utf8"
        }
    }

    /// The first candidate directory of `family` that holds a compiled dictionary, or `nil`.
    public static func installed(_ family: FeatureLayout.Family, fileManager: FileManager = .default) -> String? {
        let candidates =
            switch family {
            case .ipadic: ipadicCandidates
            case .unidic: unidicCandidates
            case .juman: jumanCandidates
            }
        return candidates.first { fileManager.fileExists(atPath: $0 + "/sys.dic") }
    }

    /// The first candidate directory that holds IPAdic, or `nil`.
    public static func defaultIPAdic(fileManager: FileManager = .default) -> String? {
        installed(.ipadic, fileManager: fileManager)
    }
}
