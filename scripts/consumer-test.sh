#!/usr/bin/env bash
# The package as a platform repo gets it: pack this checkout, install the tarball into fresh
# projects outside the repo, type-check and run them there.
#
#   platform/      Pulumi's TypeScript template (its tsconfig; @pulumi/pulumi at the floor of our peer
#                  range, another version than the repo's) with every optional SDK: one @pulumi/pulumi
#                  in the tree (npm ls); a program using several components type-checked under
#                  moduleResolution node (libraries' declarations included), node16 and bundler; a jest
#                  test under pulumi-spectrum/testing; an ES module consumer compiled (nodenext) and run.
#   landing-only/  @pulumi/pulumi and @pulumi/aws alone: a landing zone type-checks and plans, no
#                  optional SDK loads, and a component that needs one names it and its install command.
#
# The npm commands are the README's ("Use it in your own Pulumi project"), read from it, with the
# packed tarball in place of the registry name. npm's cache is reused; the folders are removed at exit.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
fixtures="$repo/test/consumer"
work="$(mktemp -d "${TMPDIR:-/tmp}/spectrum-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export npm_config_prefer_offline=true npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

step() { printf '\n==> consumer test, %ss: %s\n' "$SECONDS" "$*"; }
field() { node -p "require('$repo/package.json').$1"; }

step "npm pack (prepack builds dist/ from scratch)"
(cd "$repo" && npm pack --pack-destination "$work" >"$work/pack.log" 2>&1) || {
    cat "$work/pack.log"
    exit 1
}
tarball="$(ls "$work"/pulumi-spectrum-*.tgz)"
tar -tzf "$tarball" | sed 's|^package/||' | node -e '
    const files = require("fs").readFileSync(0, "utf8").trim().split("\n");
    const library = /^dist\/(components|testing)\//;
    const stray = files.filter((f) => !["package.json", "README.md", "LICENSE", "CHANGELOG.md"].includes(f) && !library.test(f));
    const testOnly = files.filter((f) => /\.map$|\.tsbuildinfo$|\.test\.|(^|\/)(test|cli|program|examples)\//.test(f));
    const required = ["LICENSE", "CHANGELOG.md", "dist/components/index.js", "dist/components/index.d.ts", "dist/testing/index.js", "dist/testing/index.d.ts"];
    const missing = required.filter((f) => !files.includes(f));
    if (stray.length + testOnly.length + missing.length > 0) {
        console.error({ stray, testOnly, missing });
        process.exit(1);
    }
    console.log(`${files.length} files: the compiled library and its declarations, README, LICENSE, CHANGELOG`);
'

# The fenced sh block after `<!-- consumer-test: NAME -->` in the README, one command a line.
readme_commands() {
    awk -v marker="<!-- consumer-test: $1 -->" '
        $0 == marker { found = 1; next }
        found && /^```sh$/ { inside = 1; next }
        inside && /^```$/ { exit }
        inside { print }
    ' "$repo/README.md"
}

# Runs a README block in the current folder, the tarball standing in for the registry's package.
run_readme() {
    local commands
    commands="$(readme_commands "$1")"
    [ -n "$commands" ] || {
        echo "README.md has no \`<!-- consumer-test: $1 -->\` sh block" >&2
        exit 1
    }
    while IFS= read -r line; do
        line="$(printf '%s' "$line" | sed -E "s#(^| )pulumi-spectrum( |\$)#\\1$tarball\\2#")"
        printf '$ %s\n' "$line"
        bash -c "$line"
    done <<<"$commands"
}

# What `pulumi new aws-typescript` leaves: Pulumi.yaml, package.json, and the template's tsconfig.
pulumi_project() {
    mkdir -p "$1"
    printf 'name: %s\nruntime: nodejs\n' "$(basename "$1")" >"$1/Pulumi.yaml"
    node -e '
        const [dir, pulumi, aws, typesNode, typescript] = process.argv.slice(1);
        const pkg = { name: require("path").basename(dir), main: "index.ts", dependencies: { "@pulumi/pulumi": pulumi, "@pulumi/aws": aws },
            devDependencies: { "@types/node": typesNode, typescript } };
        require("fs").writeFileSync(`${dir}/package.json`, JSON.stringify(pkg, null, 2));
    ' "$1" "$pulumi_version" "$aws_version" "$(field 'devDependencies["@types/node"]')" "$(field 'devDependencies.typescript')"
    cp "$fixtures/tsconfig.json" "$1/tsconfig.json"
}

# The lowest versions the peer ranges promise: @pulumi/pulumi's is older than the repo's own.
pulumi_version="$(field 'peerDependencies["@pulumi/pulumi"]' | sed 's/^\^//')"
aws_version="$(field 'peerDependencies["@pulumi/aws"]' | sed 's/^\^//')"
[ "$pulumi_version" != "$(field 'devDependencies["@pulumi/pulumi"]')" ] || {
    echo "the consumer must run another @pulumi/pulumi than the repo's" >&2
    exit 1
}

platform="$work/platform"
step "platform: Pulumi template with @pulumi/pulumi $pulumi_version, all optional SDKs"
pulumi_project "$platform"
cp "$fixtures/index.ts" "$fixtures/platform.ts" "$fixtures/platform.test.ts" "$fixtures/jest.config.js" "$platform/"
cd "$platform"
npm install --silent
run_readme install
run_readme install-optional

step "platform: one copy of @pulumi/pulumi and of each provider SDK in the tree"
for sdk in $(node -p "Object.keys(require('$repo/package.json').peerDependencies).join(' ')"); do
    copies="$(npm ls "$sdk" --all --parseable | sort -u)"
    printf '%s\n' "$copies"
    [ "$(printf '%s\n' "$copies" | wc -l)" -eq 1 ] || {
        echo "more than one $sdk installed" >&2
        exit 1
    }
done
[ "$(node -p 'require("@pulumi/pulumi/package.json").version')" = "$pulumi_version" ]

step "platform: type-check (template tsconfig, moduleResolution node) and jest under pulumi-spectrum/testing"
run_readme test

step "platform: type-check under moduleResolution node16 and bundler"
cp "$fixtures/tsconfig.node16.json" "$fixtures/tsconfig.bundler.json" "$fixtures/tsconfig.nodenext.json" "$fixtures/esm.mts" "$platform/"
npx tsc -p tsconfig.node16.json
npx tsc -p tsconfig.bundler.json

step "platform: an ES module consumer, compiled with moduleResolution nodenext and run"
npx tsc -p tsconfig.nodenext.json
node esm/esm.mjs

landing="$work/landing-only"
step "landing-only: @pulumi/pulumi and @pulumi/aws only"
pulumi_project "$landing"
cp "$fixtures/landing-only/index.ts" "$fixtures/landing-only/landing.js" "$fixtures/landing-only/tsconfig.json" "$landing/"
cd "$landing"
npm install --silent
run_readme install
npx tsc --noEmit
node landing.js

step "consumer test passed"
