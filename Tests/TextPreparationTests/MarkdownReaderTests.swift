import Testing

@testable import TextPreparation

struct MarkdownReaderTests {
    func blocks(_ markdown: String) -> [String] {
        MarkdownReader().blocks(in: TracedText(original: markdown)).map { block in
            switch block.kind {
            case .heading(let level): "h\(level): \(block.text.string)"
            case .paragraph: block.text.string
            }
        }
    }

    @Test func headingsParagraphsAndListsBecomeBlocks() {
        let markdown = """
            ---
            title: 対談
            ---
            # 地域活性化

            荒川区の**取り組み**は、
            [中小機構](https://www.smrj.go.jp)と連携して
            進めています。

            - 人材交流
            - 販路開拓
            1. 観光

            Setext 見出し
            ---------

            > 引用された
            > 発言です。
            """
        #expect(
            blocks(markdown) == [
                "h1: 地域活性化", "荒川区の取り組みは、中小機構と連携して進めています。", "人材交流", "販路開拓", "観光",
                "h2: Setext 見出し", "引用された発言です。",
            ])
    }

    @Test func codeTablesHtmlAndLinkDefinitionsAreStripped() {
        let markdown = """
            本文の`code`と<span>タグ</span>と![図](a.png)と~~取り消し~~。

            ```swift
            let x = 1
            ```

            | 項目 | 内容 |
            |------|------|
            | 地域 | 活性化 |

            [ref]: https://example.jp
            snake_case と _強調_ と \\*記号\\*
            """
        #expect(
            blocks(markdown) == [
                "本文のcodeとタグと図と取り消し。", "項目", "内容", "地域", "活性化", "snake_case と 強調 と *記号*",
            ])
    }

    @Test func latinLinesAreJoinedWithASpace() {
        #expect(blocks("MACC stands for\nMetal Mining Agency.") == ["MACC stands for Metal Mining Agency."])
    }
}
