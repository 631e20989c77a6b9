#!/bin/sh
# Builds the libFuzzer targets into .build-fuzz/ (see Fuzz/README.md).
#
#   Fuzz/build.sh            builds csv, yaml, figures, boundary, markdown, claims, page and list
#   Fuzz/build.sh csv        builds one
#
# Each module is compiled straight from Sources/ with `swiftc -sanitize=fuzzer`, with Yams
# from SwiftPM's checkouts (run `swift package resolve` once); Package.swift is not
# involved. libcmark (libcmark-dev) is linked as it is, without coverage.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/.build-fuzz
SWIFTC=${SWIFTC:-swiftc}
CLANG=${CLANG:-$(dirname "$(command -v "$SWIFTC")")/clang}
cd "$ROOT"

CHECKOUTS=""
for candidate in .build-robust/checkouts .build/checkouts; do
    if [ -d "$candidate/Yams" ]; then CHECKOUTS=$ROOT/$candidate; break; fi
done
if [ -z "$CHECKOUTS" ]; then
    swift package resolve
    CHECKOUTS=$ROOT/.build/checkouts
fi

mkdir -p "$OUT/modules" "$OUT/objects"
SAN="-sanitize=fuzzer"
FLAGS="-O -g -parse-as-library -DSWIFT_PACKAGE -I $OUT/modules -I $ROOT/Sources/CMark -I $OUT/cmarkarena -I $CHECKOUTS/Yams/Sources/CYaml/include -Xcc -DYAML_DECLARE_STATIC"

# CSaferSupport (C): cmark's per-thread allocator is the part the modules fuzzed here use; a module
# as SwiftPM makes it from its include/ folder.
mkdir -p "$OUT/cmarkarena"
printf 'module CSaferSupport {\n    header "%s/Sources/CSaferSupport/include/CSaferSupport.h"\n    export *\n}\n' "$ROOT" > "$OUT/cmarkarena/module.modulemap"
if [ ! -f "$OUT/objects/cmarkarena.o" ] || [ Sources/CSaferSupport/arena.c -nt "$OUT/objects/cmarkarena.o" ]; then
    echo "compiling CSaferSupport's arena"
    "$CLANG" -O1 -g -fsanitize=fuzzer-no-link -I Sources/CSaferSupport/include -c Sources/CSaferSupport/arena.c -o "$OUT/objects/cmarkarena.o"
fi

# module NAME SWIFT-VERSION SOURCES...: one Swift module, compiled whole, as an object file.
module() {
    name=$1; version=$2; shift 2
    stamp=$OUT/objects/$name.o
    # A module is rebuilt when its sources or any SaferSite module's sources changed.
    case $name in Safer*) deps=$(find Sources/SaferCore Sources/SaferMarkdown Sources/SaferContent Sources/SaferData -name '*.swift') ;; *) deps="" ;; esac
    newest=$(ls -t "$@" $deps | head -1)
    if [ -f "$stamp" ] && [ "$stamp" -nt "$newest" ]; then return; fi
    echo "compiling $name"
    "$SWIFTC" $FLAGS $SAN -swift-version "$version" -module-name "$name" -wmo -whole-module-optimization \
        -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" -c -o "$stamp" "$@" 2>&1 | grep -v "warning:" | grep -v "^ *|" || true
    [ -f "$stamp" ] || { echo "failed to compile $name" >&2; exit 1; }
}

# CYaml (C): instrumented, so the fuzzer sees inside the YAML scanner.
if [ ! -f "$OUT/objects/cyaml.a" ]; then
    echo "compiling CYaml"
    mkdir -p "$OUT/objects/cyaml"
    for c in "$CHECKOUTS"/Yams/Sources/CYaml/src/*.c; do
        "$CLANG" -O1 -g -fsanitize=fuzzer-no-link -DYAML_DECLARE_STATIC -I "$CHECKOUTS/Yams/Sources/CYaml/include" -c "$c" -o "$OUT/objects/cyaml/$(basename "$c" .c).o"
    done
    ar rcs "$OUT/objects/cyaml.a" "$OUT"/objects/cyaml/*.o
fi

module Yams 5 "$CHECKOUTS"/Yams/Sources/Yams/*.swift
module SaferCore 6 Sources/SaferCore/*.swift
module SaferMarkdown 6 Sources/SaferMarkdown/*.swift
module SaferContent 6 Sources/SaferContent/*.swift
module SaferData 6 $(find Sources/SaferData -name '*.swift' | sort)

LIBS="$OUT/objects/Yams.o $OUT/objects/SaferCore.o $OUT/objects/cyaml.a"
target() {
    name=$1; source=$2; shift 2
    echo "linking fuzz-$name"
    "$SWIFTC" $FLAGS $SAN -swift-version 5 -module-name "Fuzz_$name" -o "$OUT/fuzz-$name" \
        Fuzz/targets/Common.swift "Fuzz/targets/$source" "$@" $LIBS 2>&1 | grep -v "warning:" | grep -v "^ *|" || true
    [ -x "$OUT/fuzz-$name" ] || { echo "failed to link fuzz-$name" >&2; exit 1; }
}

for which in ${1:-csv yaml figures boundary markdown claims page list}; do
    case $which in
        csv) target csv CSVFuzz.swift "$OUT/objects/SaferData.o" ;;
        figures) target figures FiguresFuzz.swift "$OUT/objects/SaferData.o" ;;
        boundary) target boundary BoundaryFuzz.swift "$OUT/objects/SaferData.o" ;;
        yaml) target yaml YAMLFuzz.swift "$OUT/objects/SaferMarkdown.o" "$OUT/objects/SaferContent.o" "$OUT/objects/cmarkarena.o" -lcmark ;;
        markdown) target markdown MarkdownFuzz.swift "$OUT/objects/SaferMarkdown.o" "$OUT/objects/cmarkarena.o" -lcmark ;;
        claims) target claims ClaimsFuzz.swift Fuzz/targets/DudleyData.swift "$OUT/objects/SaferData.o" "$OUT/objects/SaferMarkdown.o" "$OUT/objects/cmarkarena.o" -lcmark ;;
        page) target page PageFuzz.swift Fuzz/targets/DudleyData.swift "$OUT/objects/SaferData.o" "$OUT/objects/SaferMarkdown.o" "$OUT/objects/SaferContent.o" "$OUT/objects/cmarkarena.o" -lcmark ;;
        list) target list ListFuzz.swift Fuzz/targets/DudleyData.swift "$OUT/objects/SaferData.o" "$OUT/objects/SaferMarkdown.o" "$OUT/objects/SaferContent.o" "$OUT/objects/cmarkarena.o" -lcmark ;;
        *) echo "unknown target $which (csv, yaml, figures, boundary, markdown, claims, page, list)" >&2; exit 2 ;;
    esac
done
