package extract

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The extractor's decisions are small named rules; a function that grows
// past these limits is a decision nobody can review. The limits are the
// issue's: about 60 lines and a cyclomatic complexity of about 25.
const (
	maxFuncLines      = 60
	maxFuncComplexity = 25
)

// oversized lists the functions still over a limit, with what they were
// when listed. A function leaves the list when it is split; the test fails
// when a listed function is back under both limits, so the list cannot
// hide a function that has been fixed, nor one that grew.
var oversized = map[string]bool{}

// cyclomatic counts decision points the way gocyclo does: one, plus one
// for each if, for, range, non-default case, select case, && and ||.
func cyclomatic(fn ast.Node) int {
	c := 1
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			c++
		case *ast.CaseClause:
			if n.List != nil {
				c++
			}
		case *ast.CommClause:
			if n.Comm != nil {
				c++
			}
		case *ast.BinaryExpr:
			if n.Op == gotoken.LAND || n.Op == gotoken.LOR {
				c++
			}
		}
		return true
	})
	return c
}

func funcName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	t := d.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + d.Name.Name
	}
	return d.Name.Name
}

type funcSize struct {
	name         string
	lines, cyclo int
}

// packageFuncSizes measures every function of the package's non-test
// files (function literals count toward the function that holds them).
func packageFuncSizes(t *testing.T) []funcSize {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	var out []funcSize
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			lines := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1
			out = append(out, funcSize{funcName(fd), lines, cyclomatic(fd)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

func TestFunctionSize(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range packageFuncSizes(t) {
		seen[f.name] = true
		over := f.lines > maxFuncLines || f.cyclo > maxFuncComplexity
		switch {
		case over && !oversized[f.name]:
			t.Errorf("%s: %d lines, complexity %d (limits %d, %d): split it into named rules",
				f.name, f.lines, f.cyclo, maxFuncLines, maxFuncComplexity)
		case !over && oversized[f.name]:
			t.Errorf("%s is within the limits now (%d lines, complexity %d): take it off the oversized list",
				f.name, f.lines, f.cyclo)
		}
	}
	for name := range oversized {
		if !seen[name] {
			t.Errorf("%s is on the oversized list but no longer exists", name)
		}
	}
}

func TestCyclomatic(t *testing.T) {
	src := `package p
func f(a, b bool, xs []int) int {
	if a && b || !a { return 1 }
	for _, x := range xs { switch x { case 1, 2: return x; default: } }
	return 0
}`
	file, err := parser.ParseFile(gotoken.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	// 1 + if + && + || + range + one non-default case
	if got := cyclomatic(file.Decls[0]); got != 6 {
		t.Errorf("cyclomatic = %d, want 6", got)
	}
}
