//! Quotation mark pairing on arbitrary text: pairs are well formed, in text order,
//! disjoint, and every inner range lies inside its outer one.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    let pairs = depeche::quotes::pair_marks(&text);
    let mut last_end = 0;
    for (inner, outer) in &pairs {
        assert!(outer.start <= inner.start && inner.start <= inner.end && inner.end <= outer.end);
        assert!(outer.end <= text.len());
        assert!(text.is_char_boundary(inner.start) && text.is_char_boundary(inner.end));
        assert!(text.is_char_boundary(outer.start) && text.is_char_boundary(outer.end));
        assert!(outer.start >= last_end, "pairs overlap or are out of order");
        last_end = outer.end;
    }
});
