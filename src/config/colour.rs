//! Colours a configuration may name (`tone_colours`): one of the
//! terminal's sixteen by name, a 256-colour index, or `#rrggbb` — plain
//! data; the view turns them into the terminal's colours.

/// The sixteen colours every terminal has, in their ANSI order.
pub const NAMED: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "darkgray",
    "lightred",
    "lightgreen",
    "lightyellow",
    "lightblue",
    "lightmagenta",
    "lightcyan",
    "white",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    /// One of [`NAMED`], by its index.
    Named(u8),
    /// An index into the 256-colour palette.
    Indexed(u8),
    Rgb(u8, u8, u8),
}

impl Colour {
    /// Reads `red`, `LightBlue`, `208` or `#d75f00`.
    pub fn parse(text: &str) -> Option<Colour> {
        let text = text.trim().to_ascii_lowercase();
        if let Some(i) = NAMED
            .iter()
            .position(|n| *n == text.replace(['-', '_', ' '], ""))
        {
            return Some(Colour::Named(i as u8));
        }
        if let Some(hex) = text.strip_prefix('#') {
            let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
            return (hex.len() == 6).then(|| Some(Colour::Rgb(byte(0)?, byte(2)?, byte(4)?)))?;
        }
        text.parse().ok().map(Colour::Indexed)
    }

    /// As the configuration writes it.
    pub fn name(self) -> String {
        match self {
            Colour::Named(i) => NAMED
                .get(usize::from(i))
                .copied()
                .unwrap_or("gray")
                .to_owned(),
            Colour::Indexed(i) => i.to_string(),
            Colour::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        }
    }
}

/// The usual colours of the four tones in learners' tools: 1 red, 2
/// green, 3 blue, 4 purple.
pub const TONES: [Colour; 4] = [
    Colour::Named(1),
    Colour::Named(2),
    Colour::Named(4),
    Colour::Named(5),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_read_by_name_index_or_hex() {
        assert_eq!(Colour::parse("Red"), Some(Colour::Named(1)));
        assert_eq!(Colour::parse("light-blue"), Some(Colour::Named(12)));
        assert_eq!(Colour::parse("208"), Some(Colour::Indexed(208)));
        assert_eq!(Colour::parse("#D75F00"), Some(Colour::Rgb(0xd7, 0x5f, 0)));
        assert_eq!(Colour::parse("#d75f0"), None);
        assert_eq!(Colour::parse("orange"), None);
        assert_eq!(Colour::parse("256"), None);
        for c in [Colour::Named(12), Colour::Indexed(9), Colour::Rgb(1, 2, 3)] {
            assert_eq!(Colour::parse(&c.name()), Some(c));
        }
    }
}
