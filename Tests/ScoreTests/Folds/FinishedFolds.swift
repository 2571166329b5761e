@testable import Score
import ReportModel
import Sections

/// Finishes with a fresh ledger of withheld rows, for tests that look at the folds' rows.
extension SectionFold {
    func finished(_ context: FoldContext) -> Output {
        var finishing = FinishContext(context)
        return finish(&finishing)
    }
}

extension VisitFolds {
    func finished(_ context: FoldContext) -> VisitSections {
        var finishing = FinishContext(context)
        return finish(&finishing)
    }
}

extension ChannelFolds {
    func channelRows(_ context: FoldContext) -> [ChannelRow] {
        var finishing = FinishContext(context)
        return channelRows(&finishing)
    }

    func customerValueSection(_ context: FoldContext) -> CustomerValueInfo {
        var finishing = FinishContext(context)
        return customerValueSection(&finishing)
    }
}

extension QuestionFolds {
    func finished(_ context: FoldContext, funnel: [FunnelRow]) -> (JourneyQuestions, SatisfactionJoin) {
        var finishing = FinishContext(context)
        finishing.funnel = funnel
        return finish(&finishing)
    }
}
