import CBLAS
import CLAPACKE

/// A floating-point type with BLAS and LAPACK routines: `Float` (the `s` routines) and
/// `Double` (the `d` routines).
///
/// The underscored requirements are thin wrappers over the C interfaces, always called
/// with row-major storage (`CblasRowMajor`, `LAPACK_ROW_MAJOR`). Leading dimensions are
/// the number of stored columns. The LAPACK wrappers return LAPACKE's `info` unchanged.
/// Use the `Matrix` operations instead of calling these directly.
public protocol BLASScalar: BinaryFloatingPoint, Sendable {
    /// `C ← alpha·op(A)·op(B) + beta·C` with `op(A)` of shape `m × k`, `op(B)` of `k × n`.
    static func _gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)

    /// Upper triangle of `C ← alpha·op(A)·op(A)ᵀ + beta·C`, `C` of shape `n × n`;
    /// `op(A) = Aᵀ` (A is `k × n`) when `transpose`, else `A` (A is `n × k`).
    static func _syrk(
        transpose: Bool, n: Int, k: Int, alpha: Self, a: UnsafePointer<Self>, lda: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)

    /// `?syevd` with `jobz = 'V'`, `uplo = 'U'`.
    static func _syevd(n: Int, a: UnsafeMutablePointer<Self>, lda: Int,
                       eigenvalues: UnsafeMutablePointer<Self>) -> Int

    /// `?gesdd` with `jobz = 'S'`.
    static func _gesdd(
        m: Int, n: Int, a: UnsafeMutablePointer<Self>, lda: Int,
        singularValues: UnsafeMutablePointer<Self>,
        u: UnsafeMutablePointer<Self>, ldu: Int, vt: UnsafeMutablePointer<Self>, ldvt: Int) -> Int

    /// `?posv` with `uplo = 'U'`.
    static func _posv(n: Int, nrhs: Int, a: UnsafeMutablePointer<Self>, lda: Int,
                      b: UnsafeMutablePointer<Self>, ldb: Int) -> Int

    /// `?geqrf`.
    static func _geqrf(m: Int, n: Int, a: UnsafeMutablePointer<Self>, lda: Int,
                       tau: UnsafeMutablePointer<Self>) -> Int

    /// `?orgqr`.
    static func _orgqr(m: Int, n: Int, k: Int, a: UnsafeMutablePointer<Self>, lda: Int,
                       tau: UnsafePointer<Self>) -> Int
}

private func cblasTranspose(_ transpose: Bool) -> CBLAS_TRANSPOSE {
    transpose ? CblasTrans : CblasNoTrans
}

private func lapackCharacter(_ character: Unicode.Scalar) -> CChar {
    CChar(UInt8(ascii: character))
}

extension Float: BLASScalar {
    public static func _gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(CblasRowMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda),
                    b, blasint(ldb), beta, c, blasint(ldc))
    }

    public static func _syrk(
        transpose: Bool, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_ssyrk(CblasRowMajor, CblasUpper, cblasTranspose(transpose),
                    blasint(n), blasint(k), alpha, a, blasint(lda), beta, c, blasint(ldc))
    }

    public static func _syevd(n: Int, a: UnsafeMutablePointer<Float>, lda: Int,
                              eigenvalues: UnsafeMutablePointer<Float>) -> Int {
        Int(LAPACKE_ssyevd(LAPACK_ROW_MAJOR, lapackCharacter("V"), lapackCharacter("U"),
                           hashlab_lapack_int(n), a, hashlab_lapack_int(lda), eigenvalues))
    }

    public static func _gesdd(
        m: Int, n: Int, a: UnsafeMutablePointer<Float>, lda: Int,
        singularValues: UnsafeMutablePointer<Float>,
        u: UnsafeMutablePointer<Float>, ldu: Int, vt: UnsafeMutablePointer<Float>, ldvt: Int
    ) -> Int {
        Int(LAPACKE_sgesdd(LAPACK_ROW_MAJOR, lapackCharacter("S"),
                           hashlab_lapack_int(m), hashlab_lapack_int(n), a,
                           hashlab_lapack_int(lda), singularValues,
                           u, hashlab_lapack_int(ldu), vt, hashlab_lapack_int(ldvt)))
    }

    public static func _posv(n: Int, nrhs: Int, a: UnsafeMutablePointer<Float>, lda: Int,
                             b: UnsafeMutablePointer<Float>, ldb: Int) -> Int {
        Int(LAPACKE_sposv(LAPACK_ROW_MAJOR, lapackCharacter("U"),
                          hashlab_lapack_int(n), hashlab_lapack_int(nrhs),
                          a, hashlab_lapack_int(lda), b, hashlab_lapack_int(ldb)))
    }

    public static func _geqrf(m: Int, n: Int, a: UnsafeMutablePointer<Float>, lda: Int,
                              tau: UnsafeMutablePointer<Float>) -> Int {
        Int(LAPACKE_sgeqrf(LAPACK_ROW_MAJOR, hashlab_lapack_int(m), hashlab_lapack_int(n),
                           a, hashlab_lapack_int(lda), tau))
    }

    public static func _orgqr(m: Int, n: Int, k: Int, a: UnsafeMutablePointer<Float>, lda: Int,
                              tau: UnsafePointer<Float>) -> Int {
        Int(LAPACKE_sorgqr(LAPACK_ROW_MAJOR, hashlab_lapack_int(m), hashlab_lapack_int(n),
                           hashlab_lapack_int(k), a, hashlab_lapack_int(lda), tau))
    }
}

extension Double: BLASScalar {
    public static func _gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(CblasRowMajor, cblasTranspose(transposeA), cblasTranspose(transposeB),
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda),
                    b, blasint(ldb), beta, c, blasint(ldc))
    }

    public static func _syrk(
        transpose: Bool, n: Int, k: Int, alpha: Double, a: UnsafePointer<Double>, lda: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dsyrk(CblasRowMajor, CblasUpper, cblasTranspose(transpose),
                    blasint(n), blasint(k), alpha, a, blasint(lda), beta, c, blasint(ldc))
    }

    public static func _syevd(n: Int, a: UnsafeMutablePointer<Double>, lda: Int,
                              eigenvalues: UnsafeMutablePointer<Double>) -> Int {
        Int(LAPACKE_dsyevd(LAPACK_ROW_MAJOR, lapackCharacter("V"), lapackCharacter("U"),
                           hashlab_lapack_int(n), a, hashlab_lapack_int(lda), eigenvalues))
    }

    public static func _gesdd(
        m: Int, n: Int, a: UnsafeMutablePointer<Double>, lda: Int,
        singularValues: UnsafeMutablePointer<Double>,
        u: UnsafeMutablePointer<Double>, ldu: Int, vt: UnsafeMutablePointer<Double>, ldvt: Int
    ) -> Int {
        Int(LAPACKE_dgesdd(LAPACK_ROW_MAJOR, lapackCharacter("S"),
                           hashlab_lapack_int(m), hashlab_lapack_int(n), a,
                           hashlab_lapack_int(lda), singularValues,
                           u, hashlab_lapack_int(ldu), vt, hashlab_lapack_int(ldvt)))
    }

    public static func _posv(n: Int, nrhs: Int, a: UnsafeMutablePointer<Double>, lda: Int,
                             b: UnsafeMutablePointer<Double>, ldb: Int) -> Int {
        Int(LAPACKE_dposv(LAPACK_ROW_MAJOR, lapackCharacter("U"),
                          hashlab_lapack_int(n), hashlab_lapack_int(nrhs),
                          a, hashlab_lapack_int(lda), b, hashlab_lapack_int(ldb)))
    }

    public static func _geqrf(m: Int, n: Int, a: UnsafeMutablePointer<Double>, lda: Int,
                              tau: UnsafeMutablePointer<Double>) -> Int {
        Int(LAPACKE_dgeqrf(LAPACK_ROW_MAJOR, hashlab_lapack_int(m), hashlab_lapack_int(n),
                           a, hashlab_lapack_int(lda), tau))
    }

    public static func _orgqr(m: Int, n: Int, k: Int, a: UnsafeMutablePointer<Double>, lda: Int,
                              tau: UnsafePointer<Double>) -> Int {
        Int(LAPACKE_dorgqr(LAPACK_ROW_MAJOR, hashlab_lapack_int(m), hashlab_lapack_int(n),
                           hashlab_lapack_int(k), a, hashlab_lapack_int(lda), tau))
    }
}
