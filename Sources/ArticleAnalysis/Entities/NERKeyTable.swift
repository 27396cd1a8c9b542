/// The entity code's usual map from 64-bit keys (`NERHash` of word forms, gazetteer names) to a
/// small value (flags, types, word-list membership): the one hash table, `FlatHashMap`.
typealias NERKeyTable = FlatHashMap<UInt8>
