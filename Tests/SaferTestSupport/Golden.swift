import Foundation

/// The one switch for rewriting golden files (chart SVGs, built sites, the bad-input catalogue's
/// expected errors) from what the code now gives: `UPDATE_GOLDEN=1` (`make golden`). Review the
/// diff before committing.
public enum Golden {
    public static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }
}
