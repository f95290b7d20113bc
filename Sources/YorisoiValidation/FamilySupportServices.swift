/// The six 家庭支援事業 (児童福祉法; こども家庭センターガイドライン): the services a 利用勧奨 or
/// 措置 is normally about. Anything else must come from the municipality's catalogue.
public enum FamilySupportServices {
    public static let all: [String] = [
        "子育て短期支援事業",
        "養育支援訪問事業",
        "一時預かり事業",
        "子育て世帯訪問支援事業",
        "児童育成支援拠点事業",
        "親子関係形成支援事業",
    ]
}
