/// Node colours by community: ColorBrewer's qualitative "Set3", the palette KH Coder uses when
/// there are at most 12 communities. Communities past the palette are grey, and a community of a
/// single node is white, as KH Coder leaves such nodes uncoloured.
public enum CommunityPalette {
    /// Set3, in order: community 0 gets the first colour.
    public static let colours: [(red: Int, green: Int, blue: Int)] = [
        (0x8D, 0xD3, 0xC7), (0xFF, 0xFF, 0xB3), (0xBE, 0xBA, 0xDA), (0xFB, 0x80, 0x72),
        (0x80, 0xB1, 0xD3), (0xFD, 0xB4, 0x62), (0xB3, 0xDE, 0x69), (0xFC, 0xCD, 0xE5),
        (0xD9, 0xD9, 0xD9), (0xBC, 0x80, 0xBD), (0xCC, 0xEB, 0xC5), (0xFF, 0xED, 0x6F),
    ]
    public static let grey = (red: 0xA0, green: 0xA0, blue: 0xA0)
    public static let white = (red: 0xFF, green: 0xFF, blue: 0xFF)

    /// The colour of `community`, given how many nodes it has.
    public static func colour(community: Int, size: Int) -> (red: Int, green: Int, blue: Int) {
        if size == 1 { return white }
        return colours.indices.contains(community) ? colours[community] : grey
    }

    /// `#rrggbb` for a colour.
    public static func hex(_ colour: (red: Int, green: Int, blue: Int)) -> String {
        let digits = Array("0123456789abcdef")
        return "#" + [colour.red, colour.green, colour.blue].map { value in
            let byte = min(255, max(0, value))
            return String([digits[byte / 16], digits[byte % 16]])
        }.joined()
    }
}
