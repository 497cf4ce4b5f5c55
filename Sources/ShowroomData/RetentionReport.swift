import Foundation
import ShowroomCore

/// What one retention run did (or, in a dry run, would do) at one store: row counts per table.
public struct RetentionReport: Sendable, Hashable {
    public var storeID: StoreID
    public var action: RetentionPolicy.Action
    public var period: RetentionPeriod
    /// Conversations and leads last active before this instant were affected.
    public var cutoff: Date
    public var conversations = 0
    /// Messages blanked (anonymize) or removed with their conversations (delete).
    public var messages = 0
    /// Tool-call audit rows of those conversations: arguments and results cleared, or removed.
    public var toolCalls = 0
    public var leads = 0
    /// Appointments whose name and phone were replaced: those of affected leads and those
    /// that ended before the cutoff.
    public var appointments = 0
    public var dryRun: Bool

    public init(storeID: StoreID, action: RetentionPolicy.Action, period: RetentionPeriod, cutoff: Date, dryRun: Bool) {
        self.storeID = storeID
        self.action = action
        self.period = period
        self.cutoff = cutoff
        self.dryRun = dryRun
    }

    /// Whether nothing was (or would be) changed.
    public var isEmpty: Bool { conversations + messages + toolCalls + leads + appointments == 0 }
}
