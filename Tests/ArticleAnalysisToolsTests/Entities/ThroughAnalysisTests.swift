import ArticleAnalysis
import ArticleAnalysisTools
import ArticleModels
import XCTest

/// Scoring through the whole analysis maps mentions back to the tokens of the CoNLL document.
/// The document is written for this test (CoNLL data stays in ../shared).
final class ThroughAnalysisTests: XCTestCase {
    static let document = """
        -DOCSTART- -X- O O

        TENNIS NN I-NP O
        - : O O
        KELLER NNP I-NP B-PER
        WINS VBZ I-VP O
        . . O O

        VIENNA NNP I-NP B-LOC
        1996-08-30 CD I-NP O

        Maria NNP I-NP B-PER
        Keller NNP I-NP I-PER
        beat VBD I-VP O
        Ilse NNP I-NP B-PER
        Moen NNP I-NP I-PER
        of IN I-PP O
        Norway NNP I-NP B-LOC
        on IN I-PP O
        Friday NNP I-NP O
        . . O O

        1. CD I-NP O
        Maria NNP I-NP B-PER
        Keller NNP I-NP I-PER
        ( ( O O
        Austria NNP I-NP B-LOC
        ) ) O O
        39.17 CD I-NP O

        2. CD I-NP O
        Ilse NNP I-NP B-PER
        Moen NNP I-NP I-PER
        ( ( O O
        Norway NNP I-NP B-LOC
        ) ) O O
        39.40 CD I-NP O

        """

    func testDocumentsAreWrittenOneSentenceALineAndScoredThroughAnalyze() throws {
        let documents = CoNLLCorpus.parse(Array(Self.document.utf8))
        XCTAssertEqual(documents.count, 1)
        XCTAssertEqual(documents[0].wireText(), """
            TENNIS - KELLER WINS .
            VIENNA 1996-08-30
            Maria Keller beat Ilse Moen of Norway on Friday .
            1. Maria Keller ( Austria ) 39.17
            2. Ilse Moen ( Norway ) 39.40

            """)
        let pipeline = try AnalysisPipeline.bundled()
        let (score, lost) = NERScore.throughAnalysis(documents, pipeline: pipeline)
        XCTAssertEqual(lost, 0, "every line is in the text")
        let plain = NERScore.endToEnd(documents, segmenter: pipeline.segmenter, recognizer: pipeline.entityRecognizer)
        // The list rows and the dateline keep their entities: the path through analyze finds as
        // many as the tagger on the sentences.
        XCTAssertEqual(score.prf(["PER", "LOC"]).recall, plain.prf(["PER", "LOC"]).recall, accuracy: 0.001)
        XCTAssertGreaterThanOrEqual(score.prf(["PER", "LOC"]).recall, 0.8)
    }
}
