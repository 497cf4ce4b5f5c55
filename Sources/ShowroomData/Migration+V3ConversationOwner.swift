extension Migration {
    /// The staff key that opened a staff-assist conversation (issue 6 audit, finding 3): an
    /// assist conversation can hold manager-only figures, so only the key that opened it may
    /// continue it. Widget and CLI conversations have no owner (NULL).
    static let v3ConversationOwner = Migration(version: 3, name: "conversation owner", sql: #"""
    ALTER TABLE conversations ADD COLUMN staff_key_id uuid REFERENCES staff_keys(id) ON DELETE SET NULL;
    """#)
}
