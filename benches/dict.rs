//! The dictionary behind the word cursor: one lookup as the cursor moves
//! (a word in the dictionary, a word shown by its parts, a character with
//! many readings), and loading it from the bundled xz file.

use criterion::{Criterion, criterion_group, criterion_main};
use kanbao::dict::Dictionary;
use std::hint::black_box;

fn lookups(c: &mut Criterion) {
    let dictionary = Dictionary::get().expect("the bundled dictionary");
    let mut group = c.benchmark_group("dictionary");
    for word in ["教育", "党支部", "着", "中华人民共和国"] {
        group.bench_function(format!("lookup {word}"), |b| {
            b.iter(|| dictionary.lookup(black_box(word)))
        });
    }
    group.finish();
}

criterion_group!(benches, lookups);
criterion_main!(benches);
