// Package packetcheck reads the support packets the end-to-end tests save
// with Mattermost's own code, at the version the tests run, the way
// support's tooling reads a native packet.
package packetcheck

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/mattermost/mattermost/server/public/model"
)

// packetDirectory is where tests/e2e/support-packet.spec.ts saves the packets it generates.
func packetDirectory() string {
	if dir := os.Getenv("COMPANION_PACKET_DIR"); dir != "" {
		return dir
	}
	return filepath.Join("..", "..", "test-results", "support-packets")
}

func TestSupportPacketsReadAsNative(t *testing.T) {
	zips, _ := filepath.Glob(filepath.Join(packetDirectory(), "*.zip"))
	if len(zips) == 0 {
		t.Skipf("no support packet in %s: run the end-to-end tests first (tests/e2e/support-packet.spec.ts)", packetDirectory())
	}
	for _, zipPath := range zips {
		t.Run(filepath.Base(zipPath), func(t *testing.T) {
			files := readPacket(t, zipPath)
			checkMetadata(t, files)
			checkYAMLFiles(t, files)
			manifests := checkPlugins(t, files)
			checkSanitizedConfigs(t, files, manifests)
		})
	}
}

func readPacket(t *testing.T, zipPath string) map[string][]byte {
	reader, err := zip.OpenReader(zipPath)
	if err != nil {
		t.Fatalf("opening %s: %v", zipPath, err)
	}
	defer reader.Close()
	files := map[string][]byte{}
	for _, file := range reader.File {
		opened, err := file.Open()
		if err != nil {
			t.Fatalf("opening %s in the packet: %v", file.Name, err)
		}
		body, err := io.ReadAll(opened)
		opened.Close()
		if err != nil {
			t.Fatalf("reading %s in the packet: %v", file.Name, err)
		}
		files[file.Name] = body
	}
	return files
}

// named returns the packet's files with this base name: at the root, or one per node folder.
func named(files map[string][]byte, name string) map[string][]byte {
	found := map[string][]byte{}
	for filePath, body := range files {
		if path.Base(filePath) == name && !strings.HasPrefix(filePath, "companion/") {
			found[filePath] = body
		}
	}
	return found
}

func required(t *testing.T, files map[string][]byte, name string) map[string][]byte {
	t.Helper()
	found := named(files, name)
	if len(found) == 0 {
		t.Fatalf("the packet has no %s", name)
	}
	return found
}

func checkMetadata(t *testing.T, files map[string][]byte) {
	body, ok := files[model.PacketMetadataFileName]
	if !ok {
		t.Fatal("the packet has no metadata.yaml at its root")
	}
	metadata, err := model.ParsePacketMetadata(body)
	if err != nil {
		t.Fatalf("model.ParsePacketMetadata refuses metadata.yaml: %v\n%s", err, body)
	}
	if metadata.Type != model.SupportPacketType {
		t.Errorf("metadata.yaml: type %q, want %q", metadata.Type, model.SupportPacketType)
	}
}

// checkYAMLFiles reads each YAML file into the server's own type, refusing
// unknown fields, writes it again with the server's encoder, and compares
// what a YAML 1.1 reader gets from both.
func checkYAMLFiles(t *testing.T, files map[string][]byte) {
	nativeTypes := map[string]func() any{
		"metadata.yaml":    func() any { return &model.PacketMetadata{} },
		"diagnostics.yaml": func() any { return &model.SupportPacketDiagnostics{} },
		"stats.yaml":       func() any { return &model.SupportPacketStats{} },
		"jobs.yaml":        func() any { return &model.SupportPacketJobList{} },
		"permissions.yaml": func() any { return &model.SupportPacketPermissionInfo{} },
	}
	for name, newValue := range nativeTypes {
		for filePath, body := range required(t, files, name) {
			value := newValue()
			if err := yaml.UnmarshalWithOptions(body, value, yaml.Strict()); err != nil {
				t.Errorf("%s does not read into %T with unknown fields refused: %v", filePath, value, err)
				continue
			}
			native, err := yaml.Marshal(value)
			if err != nil {
				t.Fatalf("%s: the server's encoder cannot write it back: %v", filePath, err)
			}
			oursShape, err := yaml11Shape(body)
			if err != nil {
				t.Errorf("%s: a YAML 1.1 reader cannot read it: %v", filePath, err)
				continue
			}
			nativeShape, err := yaml11Shape(native)
			if err != nil {
				t.Fatalf("%s written natively: a YAML 1.1 reader cannot read it: %v", filePath, err)
			}
			for _, difference := range shapeDifferences(filePath, oursShape, nativeShape) {
				t.Error(difference)
			}
		}
	}
}

func checkPlugins(t *testing.T, files map[string][]byte) []*model.Manifest {
	body, ok := files["plugins.json"]
	if !ok {
		t.Fatal("the packet has no plugins.json")
	}
	var plugins model.SupportPacketPluginList
	decoder := json.NewDecoder(bytes.NewReader(body))
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(&plugins); err != nil {
		t.Fatalf("plugins.json does not read into model.SupportPacketPluginList with unknown fields refused: %v", err)
	}
	var manifests []*model.Manifest
	for index := range plugins.Enabled {
		manifests = append(manifests, &plugins.Enabled[index])
	}
	for index := range plugins.Disabled {
		manifests = append(manifests, &plugins.Disabled[index])
	}
	return manifests
}

// checkSanitizedConfigs reads each sanitized_config.json into model.Config
// and runs the server's own Config.Sanitize over it: every setting it masks
// must already hold model.FakeSetting (or stay unset where the server keeps
// an empty or hidden value), so sanitizing again changes nothing.
func checkSanitizedConfigs(t *testing.T, files map[string][]byte, manifests []*model.Manifest) {
	for filePath, body := range required(t, files, "sanitized_config.json") {
		var config model.Config
		if err := json.Unmarshal(body, &config); err != nil {
			t.Errorf("%s does not read into model.Config: %v", filePath, err)
			continue
		}
		sanitized := config.Clone()
		sanitized.Sanitize(manifests, nil)
		before, _ := json.Marshal(config)
		after, _ := json.Marshal(sanitized)
		if !bytes.Equal(before, after) {
			for _, difference := range jsonDifferences("", before, after) {
				t.Errorf("%s: Config.Sanitize masks %s", filePath, difference)
			}
		}
		for settingPath, value := range alwaysMasked(&config) {
			if value != nil && *value != model.FakeSetting {
				t.Errorf("%s: %s is %q, not model.FakeSetting", filePath, settingPath, *value)
			}
		}
	}
}

// alwaysMasked are the settings Config.Sanitize masks whatever they hold.
func alwaysMasked(config *model.Config) map[string]*string {
	return map[string]*string{
		"SqlSettings.DataSource":         config.SqlSettings.DataSource,
		"SqlSettings.AtRestEncryptKey":   config.SqlSettings.AtRestEncryptKey,
		"FileSettings.PublicLinkSalt":    config.FileSettings.PublicLinkSalt,
		"ElasticsearchSettings.Password": config.ElasticsearchSettings.Password,
		"ServiceSettings.SplitKey":       config.ServiceSettings.SplitKey,
		"CacheSettings.RedisPassword":    config.CacheSettings.RedisPassword,
	}
}

// jsonDifferences names the settings whose values differ between two JSON documents.
func jsonDifferences(prefix string, before, after []byte) []string {
	var a, b any
	_ = json.Unmarshal(before, &a)
	_ = json.Unmarshal(after, &b)
	return valueDifferences(prefix, a, b)
}

func valueDifferences(path string, a, b any) []string {
	aMap, aIsMap := a.(map[string]any)
	bMap, bIsMap := b.(map[string]any)
	if aIsMap && bIsMap {
		var differences []string
		for _, key := range unionKeys(aMap, bMap) {
			differences = append(differences, valueDifferences(strings.TrimPrefix(path+"."+key, "."), aMap[key], bMap[key])...)
		}
		return differences
	}
	if reflect.DeepEqual(a, b) {
		return nil
	}
	return []string{path + " (the packet has " + compact(a) + ", Sanitize makes it " + compact(b) + ")"}
}

func compact(value any) string {
	text, _ := json.Marshal(value)
	return string(text)
}
