import Foundation

/// The system's reason for a failed file operation: `strerror` of the errno beneath a
/// Foundation error (`Read-only file system`, not `NSCocoaErrorDomain Code=642`), else
/// the error's own description.
enum SystemReason {
    static func of(_ error: any Error) -> String {
        let bridged = error as NSError
        if bridged.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(bridged.code))) }
        if let underlying = bridged.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return bridged.domain == NSCocoaErrorDomain ? bridged.localizedDescription : "\(error)"
    }
}
