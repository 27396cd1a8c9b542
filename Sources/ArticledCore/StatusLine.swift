/// The one-line summary systemd shows in `systemctl status` (STATUS=).
public enum StatusLine {
    /// "Watching /var/spool/articled/inbox: 1,204 analysed, 3 failed, 0 queued". Queued counts
    /// names waiting in memory and articles being analysed; files beyond the queue limit wait in
    /// the inbox and are not counted.
    /// With a backlog, the files that waited in the inbox at the last scan follow:
    /// "…, 256 queued, 99,744 in the inbox".
    public static func watching(inbox: String, analysed: Int, failed: Int, queued: Int, inInbox: Int = 0) -> String {
        let line = "Watching \(inbox): \(grouped(analysed)) analysed, \(grouped(failed)) failed, \(grouped(queued)) queued"
        return inInbox > queued ? line + ", \(grouped(inInbox - queued)) in the inbox" : line
    }

    /// "Blocked: results cannot be written (No space left on device) for 42 s; retrying with
    /// backoff: 1,204 analysed, 3 failed". Work resumes by itself when the fault clears.
    public static func blocked(reason: String, analysed: Int, failed: Int, blockedSeconds: Int) -> String {
        "Blocked: results cannot be written (\(reason)) for \(grouped(blockedSeconds)) s; retrying with backoff: \(grouped(analysed)) analysed, \(grouped(failed)) failed"
    }

    /// An integer with thousands separators: 1204 -> "1,204".
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }
}
