package packetcheck

import (
	"fmt"
	"sort"

	yamlv2 "gopkg.in/yaml.v2"
	yamlv3 "gopkg.in/yaml.v3"
)

// yaml11Shape is what a YAML 1.1 reader (PyYAML, most support scripts) sees
// in a document: its keys and, for every scalar, the type it reads. Plain
// scalars are resolved by gopkg.in/yaml.v2, which follows YAML 1.1 (yes, on,
// y, 0x1F, ~ ...). yaml.v2 hands timestamps to untyped code as strings, so
// the YAML 1.1 timestamp rule comes from the tag yaml.v3 resolves for the
// same plain scalar.
func yaml11Shape(document []byte) (any, error) {
	var root yamlv3.Node
	if err := yamlv3.Unmarshal(document, &root); err != nil {
		return nil, err
	}
	if len(root.Content) == 0 {
		return nil, nil
	}
	return nodeShape(root.Content[0])
}

func nodeShape(node *yamlv3.Node) (any, error) {
	switch node.Kind {
	case yamlv3.MappingNode:
		shape := map[string]any{}
		for index := 0; index+1 < len(node.Content); index += 2 {
			value, err := nodeShape(node.Content[index+1])
			if err != nil {
				return nil, err
			}
			shape[node.Content[index].Value] = value
		}
		return shape, nil
	case yamlv3.SequenceNode:
		shape := make([]any, 0, len(node.Content))
		for _, item := range node.Content {
			value, err := nodeShape(item)
			if err != nil {
				return nil, err
			}
			shape = append(shape, value)
		}
		return shape, nil
	case yamlv3.AliasNode:
		return nodeShape(node.Alias)
	case yamlv3.ScalarNode:
		return scalarType(node)
	}
	return nil, fmt.Errorf("unexpected YAML node kind %d at line %d", node.Kind, node.Line)
}

func scalarType(node *yamlv3.Node) (string, error) {
	if node.Style != 0 {
		return "string", nil
	}
	if node.ShortTag() == "!!timestamp" {
		return "timestamp", nil
	}
	var value any
	if err := yamlv2.Unmarshal([]byte(node.Value), &value); err != nil {
		return "", err
	}
	switch value.(type) {
	case nil:
		return "null", nil
	case bool:
		return "bool", nil
	case int, int64, uint64:
		return "int", nil
	case float64:
		return "float", nil
	case string:
		return "string", nil
	}
	return fmt.Sprintf("%T", value), nil
}

// shapeDifferences lists where two shapes differ, by path.
func shapeDifferences(path string, ours, native any) []string {
	switch native := native.(type) {
	case map[string]any:
		oursMap, ok := ours.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: a map natively, %v in ours", path, describe(ours))}
		}
		var differences []string
		for _, key := range unionKeys(oursMap, native) {
			oursValue, inOurs := oursMap[key]
			nativeValue, inNative := native[key]
			switch {
			case !inOurs:
				differences = append(differences, fmt.Sprintf("%s.%s: missing from ours (native %v)", path, key, describe(nativeValue)))
			case !inNative:
				differences = append(differences, fmt.Sprintf("%s.%s: not in the native file", path, key))
			default:
				differences = append(differences, shapeDifferences(path+"."+key, oursValue, nativeValue)...)
			}
		}
		return differences
	case []any:
		oursList, ok := ours.([]any)
		if !ok || len(oursList) != len(native) {
			return []string{fmt.Sprintf("%s: a list of %d natively, %v in ours", path, len(native), describe(ours))}
		}
		var differences []string
		for index := range native {
			differences = append(differences, shapeDifferences(fmt.Sprintf("%s[%d]", path, index), oursList[index], native[index])...)
		}
		return differences
	default:
		if ours != native {
			return []string{fmt.Sprintf("%s: a YAML 1.1 reader gets %v from ours, %v from the native file", path, describe(ours), describe(native))}
		}
		return nil
	}
}

func describe(shape any) string {
	switch shape := shape.(type) {
	case map[string]any:
		return "a map"
	case []any:
		return fmt.Sprintf("a list of %d", len(shape))
	default:
		return fmt.Sprint(shape)
	}
}

func unionKeys(a, b map[string]any) []string {
	keys := map[string]bool{}
	for key := range a {
		keys[key] = true
	}
	for key := range b {
		keys[key] = true
	}
	sorted := make([]string, 0, len(keys))
	for key := range keys {
		sorted = append(sorted, key)
	}
	sort.Strings(sorted)
	return sorted
}
