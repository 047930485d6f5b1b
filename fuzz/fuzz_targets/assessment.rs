//! Assessment loader: any bytes; an assessment that loads is scored against every framework.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(a) = gender_seal::Assessment::from_json(data) else {
        return;
    };
    for fw in common::FRAMEWORKS.iter() {
        common::score_both_ways(fw, &a);
        // And once as if written for it, so that the evidence itself is resolved.
        let mut a = a.clone();
        a.framework.id = fw.id().to_string();
        common::score_both_ways(fw, &a);
    }
});
