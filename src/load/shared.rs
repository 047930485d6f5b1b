//! Values loaded once per distinct key and dropped after their last use: a run over many
//! inputs (cases, assessments) that name the same file parses it once, and holds at a time only
//! the files still to be used, not one copy per input.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

use crate::error::Result;

/// Loaded values by key, each kept from its first use to its last.
pub(crate) struct Shared<K, V> {
    /// The index of each key's last use; keys not listed are kept to the end.
    last_use: HashMap<K, usize>,
    live: HashMap<K, Arc<V>>,
}

impl<K: Hash + Eq + Clone, V> Shared<K, V> {
    /// A cache for uses `(index, key)`, indices increasing as the run goes.
    pub(crate) fn new(uses: impl IntoIterator<Item = (usize, K)>) -> Self {
        let mut last_use = HashMap::new();
        for (i, k) in uses {
            last_use.insert(k, i);
        }
        Shared {
            last_use,
            live: HashMap::new(),
        }
    }

    /// The value of `key` at use `i`: the loaded copy, or `load`'s (kept while later uses
    /// remain).
    pub(crate) fn get(
        &mut self,
        i: usize,
        key: &K,
        load: impl FnOnce() -> Result<V>,
    ) -> Result<Arc<V>> {
        let value = match self.live.get(key) {
            Some(v) => v.clone(),
            None => Arc::new(load()?),
        };
        if self.last_use.get(key).is_some_and(|&last| last <= i) {
            self.live.remove(key);
        } else {
            self.live.insert(key.clone(), value.clone());
        }
        Ok(value)
    }

    /// How many values are held.
    #[cfg(test)]
    fn held(&self) -> usize {
        self.live.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_once_per_key_and_drops_after_the_last_use() {
        let keys = ["a", "a", "b", "a", "c", "c"];
        let mut shared = Shared::new(keys.iter().copied().enumerate());
        let mut loads = Vec::new();
        let mut held = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            let v = shared.get(i, k, || {
                loads.push(*k);
                Ok(k.to_uppercase())
            });
            assert_eq!(v.map(|v| v.to_string()).ok(), Some(k.to_uppercase()));
            held.push(shared.held());
        }
        assert_eq!(loads, ["a", "b", "c"]);
        assert_eq!(held, [1, 1, 1, 0, 1, 0]);
        // A key without a listed use is kept.
        let mut shared: Shared<&str, u8> = Shared::new([]);
        assert_eq!(shared.get(0, &"x", || Ok(1)).ok().as_deref(), Some(&1));
        assert_eq!(shared.get(1, &"x", || Ok(2)).ok().as_deref(), Some(&1));
    }
}
