/**
 * Character data of CPython 3.11 (Unicode 14.0.0) that the JS engine cannot
 * give: its ICU data is newer (characters assigned after Unicode 14 are
 * unprintable, non-alphabetic and caseless in CPython 3.11) and JS has no
 * titlecase, case folding or Numeric_Type. Generated from python3 3.11.7 by
 * the generator in chars.test.ts, which also checks every code point.
 *
 * Ranges: base-36 pairs (gap since the previous range's end + 1, length - 1).
 * Maps: `gap.count-1.delta` (a run of code points each mapped to itself +
 * delta) or `gap:cp,cp,...` (one code point mapped to several), gap again
 * from the previous entry's end + 1.
 */

/** Code points for which `str.isprintable()` is false. */
export const NON_PRINTABLE =
  '0 v 2n x c 0 ju 1 6 3 7 0 1 0 k 0 b1 0 12 1 1e 1 3 0 1j 7 r 3 6 g m 0 5c 0 1c 1 1n 1 2t d 1n 1 ' +
  '1d 1 f 0 s 1 1 0 b 4 v 8 22 0 4h 0 8 1 2 1 m 0 7 0 1 2 4 1 9 1 2 1 4 7 1 3 2 0 5 1 p 1 3 0 6 3 2' +
  ' 1 m 0 7 0 2 0 2 0 2 1 1 0 5 3 2 1 3 2 1 6 4 0 1 6 h 9 3 0 9 0 3 0 m 0 7 0 2 0 5 1 a 0 3 0 3 1 1' +
  ' e 4 1 c 6 7 0 3 0 8 1 2 1 m 0 7 0 2 0 5 1 9 1 2 1 3 6 3 3 2 0 5 1 i 9 2 0 6 2 3 0 4 2 2 0 1 0 2' +
  ' 2 2 2 3 2 c 3 5 2 3 0 4 1 1 5 1 d l 4 d 0 3 0 n 0 g 1 9 0 3 0 4 6 2 0 3 1 1 1 4 1 a 6 m 0 3 0 n' +
  ' 0 a 0 5 1 9 0 3 0 4 6 2 5 2 0 4 1 a 0 2 c d 0 3 0 1f 0 3 0 6 3 g 1 q 0 3 0 i 2 o 0 9 0 1 1 7 2 ' +
  '1 3 6 0 1 0 8 5 a 1 3 b 1m 3 t 10 2 0 1 0 5 0 o 0 1 0 n 1 5 0 1 0 6 1 a 1 4 v 20 0 10 3 13 0 10 ' +
  '0 f 0 d 10 5i 0 1 4 1 1 ah 0 4 1 7 0 1 0 4 1 15 0 4 1 x 0 4 1 7 0 1 0 4 1 f 0 1l 0 4 1 1v 1 w 2 ' +
  'q 5 2e 1 6 1 hs 0 s 2 2h 6 m 8 o 8 k b d 0 3 0 2 b 2m 1 a 5 a 5 e 0 b 5 2h 6 17 4 1y 9 v 0 c 3 c' +
  ' 3 1 2 16 1 5 a 18 3 q 5 b 2 1q 1 1t 0 t 1 b 5 a 5 e 1 v 1c 25 2 1b 0 38 7 1o 2 f 2 1o 6 17 1 b ' +
  '7 17 4 eu 1 6 1 12 1 6 1 8 0 1 0 1 0 1 0 v 1 1h 0 f 0 e 1 6 0 j 1 3 0 9 g o 7 1b g 2 1 r 0 d 2 x' +
  ' e x e 3w 3 if o b k 1ec 1 w 0 9p 4 19 0 1 4 1 1 1k 6 2 d o 8 7 0 7 0 7 0 7 0 7 0 7 0 7 0 7 0 3i' +
  ' x q 0 2h b 5y p c 4 1r 0 2e 1 2v 4 17 0 2m 0 2c b 1b 0 mlp 2 1j 8 9o j 54 7 5n 4 2 0 1 0 5 n 1n' +
  ' 2 a 5 1k 7 1y 7 c 5 38 a u 2 26 0 b 3 x 0 1j 8 e 1 a 1 2v n s 9 6 1 6 1 6 8 7 0 7 0 1o 3 3i 1 a' +
  ' 5 8mc b n 3 1d 6ir a6 1 2y 11 7 b 5 4 q 0 5 0 1 0 2 0 2 0 3h f cd 1 1i 6 1 v 16 5 1f 0 j 0 4 3 ' +
  '5 0 3r 3 5a 2 6 1 6 1 6 1 3 2 7 0 7 c 2 1 c 0 q 0 j 0 2 0 f 1 e x 3f 4 3 3 19 2 2g 0 d 2 1 1a 1a' +
  ' 3l t 2 1d e s 3 10 8 u 4 17 4 u 0 11 3 e 15 4e 1 a 5 10 3 10 3 14 7 1g a c 0 f 0 7 0 2 0 b 0 f ' +
  '0 7 0 2 1u 8n 8 m 9 8 n 6 0 16 0 9 1w 6 1 1 0 18 0 2 2 1 1 n 0 20 7 9 1b j 0 2 4 x 2 r 4 1 1r 1k' +
  ' 3 k 1 1e 0 2 4 8 0 3 0 t 1 3 3 a 6 9 6 1s v 13 3 c 8 1i 2 t 1 r 4 q 6 4 b 7 27 21 1i 1f c 1f 6 ' +
  '1a 7 a 85 v 0 16 0 3 1 2 25 14 7 16 l q 11 s j n 8 26 3 10 8 1q 0 5 c p 6 a 5 1h 0 i 7 13 8 2o 0' +
  ' k a i 0 18 1s 7 0 1 0 4 0 f 0 b 5 1n 4 a 5 4 0 8 1 2 1 m 0 7 0 2 0 5 0 a 1 2 1 3 1 1 5 1 4 7 1 ' +
  '7 2 5 3u 2k 0 5 t 20 7 a 4l 1i 1 12 x 1x a a 5 d i 1m 5 a 1h r 1 f 3 n 54 1o 2r 2b b 8 1 1 1 8 0' +
  ' 2 0 u 0 2 1 c 8 a 1x 8 1 1a 1 b q 20 7 2b c 21 7a 9 0 19 0 e 9 t 2 w 1 m 0 e 20 7 0 2 0 18 2 1 ' +
  '0 2 0 9 7 a 5 6 0 2 0 11 0 2 0 6 6 a 8l p 52 1 e 1e c pn 2t 33 0 5 a 5g 217 2r c tr 34g g7 6ns ' +
  'ft 6 v 0 a 3 29 0 a 5 u 1 6 9 1y 9 a 0 7 0 l 4 j j3 2j 2s 23 3 1l 6 h 1r 5 a 2 d 4qg 7 ye 15 9 ' +
  '6w6 4 0 7 0 2 0 83 18 3 g 4 7 b0 1s3 2z 4 d 2 9 6 a 1 4 3mn 1a 1 n 8 38 1n 6u 9 13 1 22 7 34 k ' +
  '1y 49 k b 2f 8 p 3q 2d 0 1z 0 2 1 1 1 2 1 4 0 c 0 1 0 7 0 1t 0 4 1 8 0 7 0 s 0 4 0 5 0 1 2 7 0 ' +
  '9g 1 84 1 ji e 5 0 f un v 68 7 0 h 1 7 0 2 0 5 5w 19 2 e 1 a 3 2 8v v g 1m 4 1 yn 7 0 4 0 2 0 f ' +
  '0 5h 1 g 14 24 3 a 3 2 ls 1w 23 1p 5d 4 0 r 0 2 0 1 1 1 0 a 0 4 0 1 0 1 5 1 3 1 0 1 0 1 0 3 0 2 ' +
  '0 1 1 1 0 1 0 1 0 1 0 1 0 2 0 1 1 4 0 7 0 4 0 4 0 1 0 a 0 h 4 3 0 5 0 h 1f 2 7h 18 3 2s b f 1 f ' +
  '0 f 0 11 9 4u 1j t c 18 3 9 6 2 d 6 49 rc 4 g 2 d 2 38 b 2h 6 c 3 1 e c 3 1k 7 a 5 14 7 u 1 2 25' +
  ' 9g b e 1 5 2 5 2 7 8 t 2 b 4 6 9 a 5 8 7 7 8 43 0 1j 10 a sl wyo v 37d 6 66 1 4g2 d 5rl 2e6 f2 ' +
  '15t 3t7 fcms 6o 47bj';

/** `isdigit()` but not `isdecimal()` (Numeric_Type=Digit). */
export const DIGIT_NOT_DECIMAL =
  '4y 1 5 0 3ov 8 19k 0 1at 0 3 5 6 9 ra 8 b 8 b 8 2h 0 a 8 1 0 hi 8 1 8 1 8 18rx 3 t8 8 dl 8 18dh ' +
  'a';

/** `isnumeric()` though not in category N (CJK ideographs with numeric values). */
export const NUMERIC_NOT_N =
  'a9x 0 3h 0 py 0 ma 0 3oy 0 2 0 3 0 1 0 2b 0 1a 0 7 0 1 0 14 1 u 0 8 0 10 0 2q 0 b7 0 1t 0 y 0 1 ' +
  '0 1 0 cz 0 1 2 6 0 38 3 ly 0 et 0 7 0 134 0 3n 1 c 2 1 0 rx 0 25 0 w5 0 1f7 0 wf 0 kn 0 1zb 0 px' +
  ' 0 1oh 0 4 0 3g 0 1rk 0 10 0 5 0 17 0 3h 0 jg4 0 7 0 4 0 1l 0 u 0 1 0 15 0 1fr7 0 2q 0 3h 0 1q 0' +
  ' 1l4 0 2g 0 8 0 f 0 99 0 i 0 r 0 4ty 0 16v 0 3gi 0 7rl 0 tnm 0';

/** `c.title()` where it differs from `c.upper()`. */
export const TITLE_MAP =
  '67:2b,37 6c.0.1 0.0.0 0.0.-1 0.0.1 0.0.0 0.0.-1 0.0.1 0.0.0 0.0.-1 10.0.1 0.0.0 0.0.-1 ' +
  'pf:111,136 288.16.0 2.2.0 2v4.7.8 0.7.0 0.7.8 0.7.0 0.7.8 0.7.0 2:69m,n9 0.0.9 0:p2,n9 ' +
  '2:pd,n6,n9 4.0.0 5:6a2,n9 0.0.9 0:p5,n9 2:pj,n6,n9 4.0.0 11:6be,n9 0.0.9 0:pb,n9 2:q1,n6,n9 ' +
  '4.0.0 179f:1y,2u 0:1y,2x 0:1y,30 0:1y,2u,2x 0:1y,2u,30 0:2b,38 0:2b,38 c:11g,12u 0:11g,12d ' +
  '0:11g,12j 0:11q,12u 0:11g,12l';

/** `c.casefold()` where it differs from `c.lower()`. */
export const FOLD_MAP =
  '51.0.lj 15:37,37 2x:jg,32 1h.0.-7g 34:2y,lo 9g.0.38 22:qh,lk,ld v:qt,lk,ld h.0.1 d.0.-u 0.0.-p ' +
  '3.0.-f 0.0.-m p.0.-1i 0.0.-1c 3.0.-1s b5:12d,136 2s8.2d.0 2.5.-8 1oi.0.-4su 0.0.-4st 0.0.-4sk ' +
  '0.1.-4si 0.0.-4sj 0.0.-4sc 0.0.-4ro 0.0.r7n el:2w,mp 0:38,lk 0:3b,lm 0:3d,lm 0:2p,ji 0.0.-1m ' +
  '2:37,37 4x:qt,lv 1:qt,lv,lc 1:qt,lv,ld 1:qt,lv,n6 15:64g,qh 0:64h,qh 0:64i,qh 0:64j,qh 0:64k,qh ' +
  '0:64l,qh 0:64m,qh 0:64n,qh 0:64g,qh 0:64h,qh 0:64i,qh 0:64j,qh 0:64k,qh 0:64l,qh 0:64m,qh ' +
  '0:64n,qh 0:65c,qh 0:65d,qh 0:65e,qh 0:65f,qh 0:65g,qh 0:65h,qh 0:65i,qh 0:65j,qh 0:65c,qh ' +
  '0:65d,qh 0:65e,qh 0:65f,qh 0:65g,qh 0:65h,qh 0:65i,qh 0:65j,qh 0:674,qh 0:675,qh 0:676,qh ' +
  '0:677,qh 0:678,qh 0:679,qh 0:67a,qh 0:67b,qh 0:674,qh 0:675,qh 0:676,qh 0:677,qh 0:678,qh ' +
  '0:679,qh 0:67a,qh 0:67b,qh 2:67k,qh 0:q9,qh 0:q4,qh 1:q9,n6 0:q9,n6,qh 4:q9,qh 1.0.-5j9 3:67o,qh' +
  ' 0:qf,qh 0:q6,qh 1:qf,n6 0:qf,n6,qh 4:qf,qh 5:qh,lk,lc 0:qh,lk,ld 2:qh,n6 0:qh,lk,n6 a:qt,lk,lc ' +
  '0:qt,lk,ld 0:qp,lv 1:qt,n6 0:qt,lk,n6 a:67w,qh 0:qx,qh 0:r2,qh 1:qx,n6 0:qx,n6,qh 4:qx,qh ' +
  'rjn.27.-tzk fnk:2u,2u 0:2u,2x 0:2u,30 0:2u,2u,2x 0:2u,2u,30 0:37,38 0:37,38 c:12s,12u 0:12s,12d ' +
  '0:12s,12j 0:132,12u 0:12s,12l';
