//! Counts in messages: `1 hit`, `2 hits` — never `1 hits`.

/// `n` and its noun, singular (`one`) or plural (`many`) as `n` asks.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular() {
        assert_eq!(counted(1, "hit", "hits"), "1 hit");
        assert_eq!(counted(0, "hit", "hits"), "0 hits");
        assert_eq!(
            counted(2, "page changed", "pages changed"),
            "2 pages changed"
        );
    }
}
