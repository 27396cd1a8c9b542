/// `MESSAGE_ID=` values for the events operators search for, e.g.
/// `journalctl MESSAGE_ID=858e638e7d8e457787f54232624ca97b`.
///
/// Log one by putting it under the metadata key ``JournalLogHandler/messageIDKey``
/// (`"message_id"`); the stderr handler prints it like any other metadata. journald expects
/// 128-bit IDs written as 32 lower-case hex digits; these were generated once with
/// `systemd-id128 new` and must never change, because saved searches depend on them.
public enum JournalMessageID {
    /// The daemon has started and is watching the inbox.
    public static let serviceReady = "326bbe71415e453184265bf32102f7e4"
    /// An article was analysed and its JSON written to the outbox.
    public static let articleAnalysed = "858e638e7d8e457787f54232624ca97b"
    /// An article could not be analysed and was moved to `failed/`.
    public static let articleFailed = "faa1baeb7ad64461b5fd92cc6ca1110b"
    /// A reload applied a new configuration.
    public static let configurationReloaded = "a46fc3a6043c41b2a310a698cfca7815"
    /// A reload was rejected; the previous configuration stays in force.
    public static let configurationRejected = "dc2be2071bbc4cf792b71409626c2815"
}
