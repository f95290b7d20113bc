/// Paragraphs written for the typesetting tests (our own words, fictional people and places):
/// punctuation clusters, quotes in quotes, numbers and dates, times and phone numbers, URLs and
/// e-mail addresses, mixed scripts and long kana runs — the text that breaks naive line breakers.
public enum TypesettingCorpus {
    public static let paragraphs: [String] = [
        "「きょうは、どうだった？」と聞くと、「ふつう。」とだけ返ってきました。",
        "母は「先生が『明日は休み』って言ってた」と話しましたが、学校に確かめると、授業はありました。",
        "……それで、どうしたの？――と聞いても、しばらく黙ったままでした。",
        "（注）欠席が続くときは、担任（学年主任）から連絡します。",
        "「えっ！？」「ほんとう？」と、二人は顔を見合わせました。",
        "次回の面談は2025年6月15日（日）の午前10時からです。",
        "見直しは令和7年5月12日に行い、その後は令和7年11月頃を予定しています。",
        "受付時間は平日8:30〜17:15、土曜日は9:00〜12:00です。",
        "ご相談は0438-00-0000（こども家庭センター）または0120-000-000へお電話ください。",
        "利用料は1,234.5円（税込）で、回数券は10回分で12,000円です。",
        "申請書はhttps://www.example.jp/kosodate/shien/moushikomi/form.html?id=123&lang=jaからダウンロードできます。",
        "詳しくはhttps://example.jp/aへ。",
        "問い合わせはkosodate-soudan@example.lg.jpへメールでどうぞ。",
        "PDF/AやUTF-8、JLREQ、HarfBuzzといった言葉は、申請書には出てきません。",
        "Yorisoi renders plain text, and a long English sentence must break only at its spaces.",
        "ファミリー・サポート・センターのコーディネーターが、ショートステイのスケジュールをチェックします。",
        "ちょっとした困りごとでも、きっと、ゆっくりと、しっかりと、聞かせてください。",
        "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん。",
        "々、ゝ、ー、っ、ゃ——行頭に置けない文字が続く行です。",
        "日々の記録は、時々、人々と見返します。",
        "おやつは「クッキー」「チョコレート」「ゼリー」の三つから選べます。",
        "「『ぎりぎり』の時間に来るのは、やめてね。」と伝えました。",
        "体重は12.5kg、身長は86.3cmで、前回（3か月前）より増えています。",
        "起算して6か月以内、または処分の日から1年以内に限ります。",
        "支援の期間は令和7年4月1日から令和8年3月31日までです。",
        "会議（第3回）は15:00〜16:30、場所は本庁舎2階の201会議室です。",
        "チェックリスト：□食事、□睡眠、□登園・登校、□服薬。",
        "保護者は「大丈夫です。」と言いましたが、表情は固く、声も小さかった。",
        "こどもの気持ちを聞き取り、保護者と一緒に課題を整理し、関係機関と役割を分担します。",
        "祖母（72歳）が週3回、夕方に来て、食事の支度を手伝っています。",
        "エイチティーティーピーエスコロンスラッシュスラッシュのように読み上げる人もいます。",
        "参考：www.example.jp/guide、またはQRコードから読み取れます。",
        "「なんで？」「だって……」「だって、じゃないでしょ！」——そんなやりとりが毎朝続きます。",
        "電話番号を書く欄が狭いときは、03-0000-0000のように半角で書きます。",
    ]

    /// Measures of the corpus test, in characters.
    public static let measures: [Int] = [4, 6, 9, 13, 20, 40]
}
