import Corpus
import Testing
import TestSupport
import Tokenization

@testable import Analysis

/// Malformed rules: every error is reported, each at its line and column.
struct CodingRuleErrorTests {
    func errors(_ text: String) -> [String] {
        switch CodingRuleParser.parseFile(text) {
        case .success: []
        case .failure(let failure): failure.errors.map(\.description)
        }
    }

    @Test func everyErrorOfAFileIsReportedAtItsPlace() {
        let text = """
            # comment
            ＊近接
            near(地域-活性 and 補助
            ＊括弧
            先生 >= 2 and ( 奥さん or
            ＊参照
            <＊ない> or <＊参照>
            ＊
            先生
            ＊句
            地域+ or 補助-->
            ＊見出し
            <>見出し1-->上 and lw<=3
            ＊文字列
            '活性化
            """
        #expect(
            errors(text) == [
                "3:11: ')' expected after near(地域-活性",
                "5:21: the condition ends after 'or': a word, number or '(' is expected",
                "7:1: <＊ない> refers to no code of this file",
                "7:10: the codes refer to each other in a cycle: ＊参照 → ＊参照",
                "8:2: a code name is expected after '＊'",
                "11:1: a word is missing in the phrase '地域+' (A+B is A followed by B; write 'A + B' to add counts)",
                "11:8: a part of speech is expected after '-->' in '補助-->'",
                "13:1: headings (<>見出し1-->…) are not supported yet: kotoba does not keep the heading text of sentences",
                "13:16: put spaces around '<=': write '語 <= 2', not 'lw<=3'",
                "15:5: closing ' missing after '活性化",
            ])
    }

    @Test(arguments: [
        ("＊a\nA B", "2:3: an operator (and, or …) is expected between 'A' and 'B'"),
        ("＊a\n( A or B", "2:9: ')' expected to close the '(' at 2:1"),
        ("＊a\nA or B )", "2:8: ')' without a matching '('"),
        ("＊a\nA and and B", "2:7: a word, number or '(' is expected before 'and'"),
        ("＊a\nnear(A)", "2:6: near() takes two or more words separated by '-', as in near(A-B)"),
        ("＊a\nseq(A-B)[x3]", "2:9: the option of seq() is [N], [bN] or [dN] with N a number of tokens, not [x3]"),
        ("＊a\nnear(A-B)[b3", "2:13: ']' expected after near(A-B)[b3"),
        ("＊a\nA = 2", "2:3: '=' is not an operator: compare with '=='"),
        ("＊a\n<>年度", "2:1: '<>年度' needs '-->value' to test a value, or a closing '<>' for its number"),
        ("＊a\n<＊b", "2:4: '>' expected to close <＊b"),
        ("A\n＊a\nB", "1:1: a condition before the first code: start each code with a line '＊name'"),
        ("＊a\n\n＊b\nB", "1:1: the code '＊a' has no condition"),
        ("＊a\nA\n＊a\nB", "3:1: the code '＊a' is already defined on line 1"),
        ("＊a\n<＊b>\n＊b\n<＊a>", "4:1: the codes refer to each other in a cycle: ＊a → ＊b → ＊a"),
        ("＊a\n=>表層", "2:1: a word is expected before '=>' in '=>表層'"),
    ])
    func aMalformedRuleIsPlaced(text: String, error: String) {
        #expect(errors(text) == [error])
    }
}
