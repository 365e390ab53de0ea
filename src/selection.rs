//! Which articles `--print` prints: `3`, `3-5`, `2,7`, `1,4-6` or `all`,
//! numbered as `--outline` numbers them.

use std::ops::RangeInclusive;

/// Articles chosen on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Selection {
    All,
    /// Ranges in the order given (`7,2` prints 7, then 2).
    Some(Vec<RangeInclusive<usize>>),
}

impl std::str::FromStr for Selection {
    type Err = String;

    fn from_str(text: &str) -> Result<Selection, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("all") {
            return Ok(Selection::All);
        }
        let number = |n: &str| -> Result<usize, String> {
            match n.trim().parse::<usize>() {
                Ok(0) | Err(_) => Err(format!(
                    "{n:?} is not an article number (1, 2, …; ranges 3-5, lists 2,7, or all)"
                )),
                Ok(n) => Ok(n),
            }
        };
        let ranges = text
            .split(',')
            .map(|part| match part.split_once('-') {
                Some((from, to)) => {
                    let (from, to) = (number(from)?, number(to)?);
                    if from > to {
                        return Err(format!("{part:?} runs backwards: write {to}-{from}"));
                    }
                    Ok(from..=to)
                }
                None => number(part).map(|n| n..=n),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Selection::Some(ranges))
    }
}

impl Selection {
    /// The article numbers chosen, of `total`; the first number past the
    /// end is the error.
    pub(crate) fn numbers(&self, total: usize) -> Result<Vec<usize>, usize> {
        match self {
            Selection::All => Ok((1..=total).collect()),
            Selection::Some(ranges) => {
                let mut out = Vec::new();
                for range in ranges {
                    if *range.end() > total {
                        return Err((*range.start()).max(total + 1));
                    }
                    out.extend(range.clone());
                }
                Ok(out)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_ranges_lists_and_all() {
        let parse = |s: &str| s.parse::<Selection>();
        assert_eq!(parse("3").map(|s| s.numbers(7)), Ok(Ok(vec![3])));
        assert_eq!(parse("3-5").map(|s| s.numbers(7)), Ok(Ok(vec![3, 4, 5])));
        assert_eq!(parse("7,2").map(|s| s.numbers(7)), Ok(Ok(vec![7, 2])));
        assert_eq!(parse("1,4-5").map(|s| s.numbers(7)), Ok(Ok(vec![1, 4, 5])));
        assert_eq!(parse("all").map(|s| s.numbers(3)), Ok(Ok(vec![1, 2, 3])));
        assert_eq!(parse("8").map(|s| s.numbers(7)), Ok(Err(8)));
        assert_eq!(parse("6-9").map(|s| s.numbers(7)), Ok(Err(8)));
        assert!(parse("0").is_err());
        assert!(parse("5-3").is_err());
        assert!(parse("x").is_err());
    }
}
