# Sourced by the bench scripts: replaces the section between <!-- NAME --> and <!-- /NAME --> in
# docs/performance.md with the contents of FILE (or appends it when the section is new), then prints it.
write_section() { # name file
    local name=$1 file=$2
    if grep -q "<!-- $name -->" docs/performance.md; then
        awk -v f="$file" -v first="<!-- $name -->" -v last="<!-- /$name -->" \
            'BEGIN{while((getline l < f)>0) s=s l "\n"} $0==first{printf "%s", s; skip=1} !skip{print} $0==last{skip=0}' \
            docs/performance.md > docs/performance.md.new && mv docs/performance.md.new docs/performance.md
    else
        { echo; cat "$file"; } >> docs/performance.md
    fi
    sed -n "/<!-- $name -->/,/<!-- \/$name -->/p" docs/performance.md
}
