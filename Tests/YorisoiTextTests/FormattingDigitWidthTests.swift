import Testing
import YorisoiText

@Suite("Formatting: digit width")
struct FormattingDigitWidthTests {
    @Test func convertsAllTenDigitsBothWays() {
        #expect(DigitWidth.fullWidthDigits("0123456789") == "０１２３４５６７８９")
        #expect(DigitWidth.asciiDigits("０１２３４５６７８９") == "0123456789")
    }

    @Test func keepsEverythingElse() {
        #expect(DigitWidth.fullWidthDigits("R7.1.17 令和元年 ABC-") == "R７.１.１７ 令和元年 ABC-")
        #expect(DigitWidth.asciiDigits("第８９２号　ｘ／") == "第892号　ｘ／")
        // Characters next to the digit ranges must not move (U+002F, U+003A, U+FF0F, U+FF1A).
        #expect(DigitWidth.fullWidthDigits("/:") == "/:")
        #expect(DigitWidth.asciiDigits("／：") == "／：")
        // Other numeric scripts are not ASCII digits.
        #expect(DigitWidth.fullWidthDigits("一二三①٣") == "一二三①٣")
    }

    @Test func applyChoosesTheDirection() {
        #expect(DigitWidth.fullWidth.apply(to: "2025年１月") == "２０２５年１月")
        #expect(DigitWidth.ascii.apply(to: "2025年１月") == "2025年1月")
    }
}
