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

    /// The first candidate directory that holds a compiled dictionary, or `nil`.
    public static func defaultIPAdic(fileManager: FileManager = .default) -> String? {
        ipadicCandidates.first { fileManager.fileExists(atPath: $0 + "/sys.dic") }
    }
}
