// Gongkai rich text editor (visible button text is contained in its accessible name, WCAG 2.5.3): a small contenteditable editor written for this project (no third-party code).
// Progressive enhancement of the _RichTextEditor partial: without JavaScript the textarea and the format choice work
// on their own. The server does all cleaning: a paste of Word/WPS HTML is sent to /admin/rich-text/preview, which
// runs the same sanitiser as publication, and the cleaned HTML is inserted; the preview panel shows that same output.
(function () {
    "use strict";

    var ACTIONS = [
        { id: "p", label: "正文段落", text: "段落", block: "p" },
        { id: "h2", label: "二级标题", text: "二级标题", block: "h2", keys: "Control+Alt+2" },
        { id: "h3", label: "三级标题", text: "三级标题", block: "h3", keys: "Control+Alt+3" },
        { id: "bold", label: "加粗", text: "粗", command: "bold", keys: "Control+B" },
        { id: "italic", label: "倾斜", text: "斜", command: "italic", keys: "Control+I" },
        { id: "ol", label: "编号列表", text: "编号列表", command: "insertOrderedList", keys: "Control+Shift+7" },
        { id: "ul", label: "项目符号列表", text: "项目符号列表", command: "insertUnorderedList", keys: "Control+Shift+8" },
        { id: "link", label: "插入链接", text: "链接", keys: "Control+K" },
        { id: "unlink", label: "取消链接", text: "取消链接", command: "unlink" },
        { id: "table", label: "插入表格", text: "表格" },
        { id: "image", label: "上传图片", text: "图片", upload: "image" },
        { id: "file", label: "上传附件", text: "附件", upload: "file" },
        { id: "undo", label: "撤销", text: "撤销", command: "undo", keys: "Control+Z" },
        { id: "redo", label: "重做", text: "重做", command: "redo", keys: "Control+Y" }
    ];

    function el(tag, attrs, text) {
        var e = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]); });
        if (text) e.textContent = text;
        return e;
    }

    function escapeHtml(s) {
        return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    }

    function textToHtml(text) {
        return text.split(/\r?\n/).map(function (l) { return l.trim(); }).filter(function (l) { return l.length > 0; })
            .map(function (l) { return "<p>" + escapeHtml(l) + "</p>"; }).join("");
    }

    function htmlToText(html) {
        var box = document.createElement("div");
        box.innerHTML = html;
        box.querySelectorAll("p,div,li,tr,h1,h2,h3,h4,h5,h6,br").forEach(function (b) { b.insertAdjacentText("beforebegin", "\n"); });
        box.querySelectorAll("td,th").forEach(function (c) { c.insertAdjacentText("beforebegin", " "); });
        return box.textContent.split("\n").map(function (l) { return l.trim(); }).filter(function (l) { return l.length > 0; }).join("\n");
    }

    function hiddenFields(form) {
        var data = new FormData();
        form.querySelectorAll("input[type=hidden][name^='__']").forEach(function (i) { data.append(i.name, i.value); });
        return data;
    }

    function setup(root) {
        if (root.dataset.richReady) return;
        root.dataset.richReady = "1";
        var textarea = root.querySelector("textarea");
        var select = root.querySelector(".rich-format select");
        var form = root.closest("form");
        var label = root.querySelector("label[for='" + textarea.id + "']");
        var auto = root.dataset.format === "auto";
        var uploadUrl = root.dataset.uploadUrl;
        var previewUrl = root.dataset.previewUrl;
        root.classList.add("rich-ready");
        var formatBox = root.querySelector(".rich-format");
        formatBox.hidden = false;

        var toolbar = el("div", { role: "toolbar", "aria-label": label.textContent + "：编辑工具", "aria-controls": textarea.id + "_area", "class": "rich-toolbar" });
        var area = el("div", {
            id: textarea.id + "_area", "class": "rich-area doc-body", contenteditable: "true", role: "textbox", "aria-multiline": "true",
            "aria-labelledby": label.id, "aria-describedby": textarea.getAttribute("aria-describedby"), spellcheck: "false"
        });
        var status = el("p", { "class": "rich-status", role: "status", "aria-live": "polite" });
        var previewBox = el("section", { "class": "rich-preview-box", "aria-label": label.textContent + "：发布效果预览" });
        var previewHead = el("div", { "class": "rich-preview-head" });
        previewHead.appendChild(el("h3", {}, "发布效果预览（与公开页面一致）"));
        var refresh = el("button", { type: "button", "class": "secondary" }, "更新预览");
        previewHead.appendChild(refresh);
        var preview = el("div", { "class": "rich-preview doc-body" });
        previewBox.appendChild(previewHead);
        previewBox.appendChild(preview);
        var fileInput = el("input", { type: "file", hidden: "hidden", tabindex: "-1", "aria-hidden": "true" });
        var buttons = {};

        ACTIONS.forEach(function (a) {
            if (a.upload && !uploadUrl) return;
            var b = el("button", { type: "button", "class": "rich-button", "data-action": a.id, "aria-label": a.label, title: a.label + (a.keys ? "（" + a.keys.replace("Control", "Ctrl") + "）" : "") }, a.text);
            if (a.keys) b.setAttribute("aria-keyshortcuts", a.keys);
            b.addEventListener("click", function () { run(a); });
            buttons[a.id] = b;
            toolbar.appendChild(b);
        });
        if (!uploadUrl && root.dataset.uploadNote) {
            toolbar.appendChild(el("span", { "class": "rich-note" }, root.dataset.uploadNote));
        }

        textarea.insertAdjacentElement("beforebegin", toolbar);
        textarea.insertAdjacentElement("beforebegin", area);
        textarea.insertAdjacentElement("afterend", status);
        status.insertAdjacentElement("afterend", previewBox);
        root.appendChild(fileInput);

        function mode() { return select.value; }

        function sync() {
            if (mode() === "html") textarea.value = area.innerHTML.trim() === "<br>" ? "" : area.innerHTML;
        }

        function say(message, isError) {
            status.textContent = message;
            status.classList.toggle("field-error", !!isError);
        }

        function showMode() {
            var rich = mode() === "html";
            area.hidden = !rich;
            toolbar.hidden = !rich;
            textarea.hidden = rich;
            label.setAttribute("for", rich ? "" : textarea.id);
            if (rich) label.removeAttribute("for");
        }

        var lastMode = null;
        function switchMode() {
            var now = mode();
            if (lastMode === "html" && now !== "html") {
                sync();
                if (now === "text") textarea.value = htmlToText(textarea.value);
            } else if (lastMode !== null && lastMode !== "html" && now === "html") {
                area.innerHTML = lastMode === "text" || !/^\s*</.test(textarea.value) ? textToHtml(textarea.value) : textarea.value;
                sync();
            }
            lastMode = now;
            showMode();
            schedulePreview();
        }

        if (auto) {
            select.value = !textarea.value.trim() || /^\s*<[a-zA-Z]/.test(textarea.value) ? "html" : "text";
            select.removeAttribute("name");
        }
        if (mode() === "html") area.innerHTML = textarea.value;
        lastMode = mode();
        showMode();
        select.addEventListener("change", switchMode);
        label.addEventListener("click", function () { if (mode() === "html") area.focus(); });

        function exec(command, value) {
            area.focus();
            document.execCommand(command, false, value === undefined ? null : value);
            sync();
            schedulePreview();
        }

        var savedRange = null;
        function saveSelection() {
            var s = window.getSelection();
            if (s.rangeCount > 0 && area.contains(s.getRangeAt(0).commonAncestorContainer)) savedRange = s.getRangeAt(0).cloneRange();
        }
        function restoreSelection() {
            area.focus();
            if (savedRange) {
                var s = window.getSelection();
                s.removeAllRanges();
                s.addRange(savedRange);
            }
        }
        area.addEventListener("keyup", saveSelection);
        area.addEventListener("mouseup", saveSelection);
        area.addEventListener("blur", saveSelection);

        function insertHtml(html) {
            restoreSelection();
            document.execCommand("insertHTML", false, html);
            saveSelection();
            sync();
            schedulePreview();
        }

        function run(a) {
            if (a.block) return exec("formatBlock", "<" + a.block + ">");
            if (a.command) return exec(a.command);
            if (a.id === "link") {
                saveSelection();
                var url = window.prompt("链接地址（以 https://、http:// 或 / 开头）", "https://");
                if (!url || url === "https://") { restoreSelection(); return; }
                if (!/^(https?:\/\/|\/|mailto:)/i.test(url)) { say("链接地址须以 https://、http://、mailto: 或 / 开头。", true); restoreSelection(); return; }
                restoreSelection();
                if (window.getSelection().isCollapsed) insertHtml("<a href=\"" + escapeHtml(url) + "\">" + escapeHtml(url) + "</a>");
                else exec("createLink", url);
                return;
            }
            if (a.id === "table") {
                saveSelection();
                var size = window.prompt("表格行数×列数（如 3×3）", "3×3");
                if (!size) { restoreSelection(); return; }
                var m = /^\s*(\d{1,2})\s*[×xX*]\s*(\d{1,2})\s*$/.exec(size);
                if (!m) { say("请按“行数×列数”填写，如 3×3。", true); restoreSelection(); return; }
                var rows = Math.max(1, +m[1]), cols = Math.max(1, +m[2]);
                var html = "<table><tbody>";
                for (var r = 0; r < rows; r++) {
                    html += "<tr>";
                    for (var c = 0; c < cols; c++) html += r === 0 ? "<th>　</th>" : "<td>　</td>";
                    html += "</tr>";
                }
                insertHtml(html + "</tbody></table><p><br></p>");
                return;
            }
            if (a.upload) {
                saveSelection();
                fileInput.accept = a.upload === "image" ? "image/png,image/jpeg,image/gif" : ".pdf,.doc,.docx,.xls,.xlsx,.txt,.csv,.png,.jpg,.jpeg,.gif";
                fileInput.dataset.kind = a.upload;
                fileInput.value = "";
                fileInput.click();
            }
        }

        fileInput.addEventListener("change", function () {
            var file = fileInput.files && fileInput.files[0];
            if (!file) return;
            var kind = fileInput.dataset.kind;
            var alt = "";
            if (kind === "image") {
                alt = window.prompt("图片说明（替代文本，供读屏软件朗读）", file.name.replace(/\.[^.]+$/, "")) || "";
            }
            var data = hiddenFields(form);
            data.append("file", file, file.name);
            say("正在上传“" + file.name + "”……");
            fetch(uploadUrl, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
                .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }, function () { return { ok: false, body: { error: "上传失败（" + r.status + "）。" } }; }); })
                .then(function (res) {
                    if (!res.ok) { say(res.body.error || res.body.detail || "上传失败。", true); return; }
                    var version = form.querySelector("input[name='Version']");
                    if (version && res.body.version !== undefined && res.body.version !== null) version.value = res.body.version;
                    if (kind === "image" && res.body.isImage) insertHtml("<img src=\"" + escapeHtml(res.body.url) + "\" alt=\"" + escapeHtml(alt) + "\">");
                    else insertHtml("<a href=\"" + escapeHtml(res.body.url) + "\">" + escapeHtml(res.body.name) + "</a>");
                    say("已上传“" + res.body.name + "”并插入正文（同时列为附件，发布后公开）。");
                })
                .catch(function () { say("上传失败，请检查网络后重试；文件未保存。", true); });
        });

        var previewTimer = null;
        function schedulePreview() {
            clearTimeout(previewTimer);
            previewTimer = setTimeout(updatePreview, 800);
        }

        function post(body, format, paste) {
            var data = hiddenFields(form);
            data.append("body", body);
            data.append("format", format);
            if (paste) data.append("paste", "1");
            return fetch(previewUrl, { method: "POST", body: data, credentials: "same-origin", headers: { "Accept": "application/json" } })
                .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); });
        }

        function updatePreview() {
            sync();
            return post(textarea.value, auto && mode() !== "html" ? "text" : mode(), false)
                .then(function (j) { preview.innerHTML = j.html; })
                .catch(function () { preview.textContent = "预览暂不可用；保存时仍按发布规则清理。"; });
        }
        refresh.addEventListener("click", updatePreview);

        area.addEventListener("input", function () { sync(); schedulePreview(); });
        area.addEventListener("paste", function (e) {
            var clip = e.clipboardData;
            if (!clip) return;
            var html = clip.getData("text/html");
            var text = clip.getData("text/plain");
            e.preventDefault();
            saveSelection();
            if (!html) { insertHtml(textToHtml(text)); return; }
            say("正在清理粘贴的内容……");
            post(html, "html", true)
                .then(function (j) {
                    insertHtml(j.html);
                    say(j.droppedImages > 0
                        ? "已粘贴并清理格式。有" + j.droppedImages + "张本机图片无法随粘贴带入，请用“图片”按钮上传。"
                        : "已粘贴并清理格式（保留段落、标题、列表、表格和链接）。");
                })
                .catch(function () { insertHtml(textToHtml(text)); say("格式清理暂不可用，已按纯文本粘贴。", true); });
        });

        area.addEventListener("keydown", function (e) {
            var ctrl = e.ctrlKey || e.metaKey;
            if (e.altKey && e.key === "F10") { e.preventDefault(); var first = toolbar.querySelector("button"); if (first) first.focus(); return; }
            if (!ctrl) return;
            if (e.key === "k" || e.key === "K") { e.preventDefault(); run(ACTIONS.filter(function (a) { return a.id === "link"; })[0]); }
            else if (e.shiftKey && (e.key === "&" || e.code === "Digit7")) { e.preventDefault(); exec("insertOrderedList"); }
            else if (e.shiftKey && (e.key === "*" || e.code === "Digit8")) { e.preventDefault(); exec("insertUnorderedList"); }
            else if (e.altKey && e.code === "Digit2") { e.preventDefault(); exec("formatBlock", "<h2>"); }
            else if (e.altKey && e.code === "Digit3") { e.preventDefault(); exec("formatBlock", "<h3>"); }
        });
        // Escape in the toolbar returns to the text.
        toolbar.addEventListener("keydown", function (e) { if (e.key === "Escape") { e.preventDefault(); restoreSelection(); } });

        if (form) form.addEventListener("submit", sync);
        document.execCommand("defaultParagraphSeparator", false, "p");
        if (textarea.value.trim()) updatePreview();
    }

    function init() { document.querySelectorAll("[data-rich-text]").forEach(setup); }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
