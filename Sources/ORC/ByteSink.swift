/// Growable byte storage that the encoders append to through unchecked pointer writes.
///
/// The sink is a class so that the column writers can share it with the streams they fill. Its
/// memory is released with the last reference.
final class ByteSink {
    /// The first byte of the storage; valid for `capacity` bytes.
    private(set) var base: UnsafeMutablePointer<UInt8>

    /// The number of bytes written.
    var count: Int = 0

    /// The number of bytes that fit before the storage must grow.
    private(set) var capacity: Int

    /// Creates an empty sink with room for `initialCapacity` bytes.
    init(initialCapacity: Int = 4096) {
        capacity = max(initialCapacity, 16)
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }

    /// Makes room for `additional` more bytes and returns where they go.
    @inline(__always)
    func reserve(_ additional: Int) -> UnsafeMutablePointer<UInt8> {
        if count + additional > capacity {
            grow(to: count + additional)
        }
        return base + count
    }

    private func grow(to required: Int) {
        var newCapacity = capacity * 2
        while newCapacity < required { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    /// Appends `length` bytes from `source`.
    @inline(__always)
    func append(_ source: UnsafeRawPointer, count length: Int) {
        guard length > 0 else { return }
        UnsafeMutableRawPointer(reserve(length)).copyMemory(from: source, byteCount: length)
        count += length
    }

    /// The bytes written so far.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: count)
    }

    /// Forgets the contents and keeps the storage for reuse.
    func removeAll() {
        count = 0
    }
}
