import CZlibSystem
import Foundation

/// Decompresses zlib streams (RFC 1950), as in MAT v5 `miCOMPRESSED` elements,
/// through the system zlib.
enum ZlibInflater {
    /// The outcome of inflating a stream.
    enum Failure: Error {
        /// The stream ended before its end marker: the input is cut short.
        case truncated
        /// zlib rejected the data (`reason` is zlib's message).
        case corrupt(String)
    }

    /// Inflates `input`. With `limit`, stops once `limit` bytes are out (the stream
    /// need not be complete then), so a caller can read just the head of a large
    /// element.
    static func inflate(_ input: UnsafeRawBufferPointer, limit: Int? = nil) throws -> Data {
        var stream = z_stream()
        guard hashlab_inflate_init(&stream) == Z_OK else { throw Failure.corrupt("inflateInit failed") }
        defer { inflateEnd(&stream) }
        var output = Data()
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
        stream.avail_in = uInt(input.count)
        while true {
            let wanted = limit.map { min(chunk, $0 - output.count) } ?? chunk
            let status: Int32 = buffer.withUnsafeMutableBufferPointer { pointer in
                stream.next_out = pointer.baseAddress
                stream.avail_out = uInt(wanted)
                return CZlibSystem.inflate(&stream, Z_NO_FLUSH)
            }
            output.append(buffer, count: wanted - Int(stream.avail_out))
            switch status {
            case Z_STREAM_END:
                return output
            case Z_OK, Z_BUF_ERROR:
                if let limit, output.count >= limit { return output }
                if stream.avail_in == 0 { throw Failure.truncated }
                if status == Z_BUF_ERROR, stream.avail_out != 0 { throw Failure.truncated }
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw Failure.corrupt(message)
            }
        }
    }
}
