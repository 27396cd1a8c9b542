import ArticleAnalysis
/// Placeholder: configuration and the daemon service land with the daemon issue.
public enum ArticledCorePlaceholder {}
