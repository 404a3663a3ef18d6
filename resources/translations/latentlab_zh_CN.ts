<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Article</name>
    <message>
        <source>Su Jianlin</source>
        <translation>苏剑林</translation>
    </message>
    <message>
        <source>Papers:</source>
        <translation>论文：</translation>
    </message>
    <message>
        <source>The mathematics, with sources: %1 in the repository</source>
        <translation>数学推导与来源：仓库中的 %1</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>%1 given twice</source>
        <translation>%1 被重复给出</translation>
    </message>
    <message>
        <source>%1 needs a non-empty value</source>
        <translation>%1 需要非空的值</translation>
    </message>
    <message>
        <source>--dpi must be an integer between 72 and 1200, got &apos;%1&apos;</source>
        <translation>--dpi 必须是 72 到 1200 之间的整数，实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--wait must be a whole number of seconds between 1 and 3600, got &apos;%1&apos;</source>
        <translation>--wait 必须是 1 到 3600 之间的整数秒数，实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (see --help)</source>
        <translation>多余的参数 &apos;%1&apos;（见 --help）</translation>
    </message>
    <message>
        <source>%1 takes no value</source>
        <translation>%1 不接受值</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos; (see --help)</source>
        <translation>未知选项 &apos;%1&apos;（见 --help）</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 需要一个值</translation>
    </message>
    <message>
        <source>--language must be one of %1, got &apos;%2&apos;</source>
        <translation>--language 必须是 %1 之一，实际为 &apos;%2&apos;</translation>
    </message>
    <message>
        <source>--window-screenshot needs --size in pixels (a window has no page size)</source>
        <translation>--window-screenshot 需要以像素为单位的 --size（窗口没有页面尺寸）</translation>
    </message>
    <message>
        <source>--wait applies to --window-screenshot only</source>
        <translation>--wait 仅适用于 --window-screenshot</translation>
    </message>
    <message>
        <source>--export needs a .png, .svg or .pdf file name, got &apos;%1&apos;</source>
        <translation>--export 需要 .png、.svg 或 .pdf 文件名，实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--export-data needs a .csv or .json file name, got &apos;%1&apos;</source>
        <translation>--export-data 需要 .csv 或 .json 文件名，实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--window-screenshot needs a .png file name, got &apos;%1&apos;</source>
        <translation>--window-screenshot 需要 .png 文件名，实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--set needs --page or --scenario</source>
        <translation>--set 需要 --page 或 --scenario</translation>
    </message>
    <message>
        <source>--open needs --page or --scenario</source>
        <translation>--open 需要 --page 或 --scenario</translation>
    </message>
    <message>
        <source>--export, --export-data and --export-images need --page or --scenario</source>
        <translation>--export、--export-data 和 --export-images 需要 --page 或 --scenario</translation>
    </message>
    <message>
        <source>--set needs key=value, got &apos;%1&apos;</source>
        <translation>--set 需要 key=value 形式，实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--open: &apos;%1&apos; does not exist</source>
        <translation>--open：&apos;%1&apos; 不存在</translation>
    </message>
    <message>
        <source>--open: &apos;%1&apos; is a directory, not a file</source>
        <translation>--open：&apos;%1&apos; 是目录而不是文件</translation>
    </message>
    <message>
        <source>--open: &apos;%1&apos; cannot be read (permission)</source>
        <translation>--open：无法读取 &apos;%1&apos;（权限不足）</translation>
    </message>
    <message>
        <source>unknown page &apos;%1&apos; (see --list-pages)</source>
        <translation>未知页面 &apos;%1&apos;（见 --list-pages）</translation>
    </message>
    <message>
        <source>--open: the scenario records %1 input(s), got %2 file(s)</source>
        <translation>--open：场景记录了 %1 个输入，实际给出 %2 个文件</translation>
    </message>
    <message>
        <source>--open &apos;%1&apos; (SHA-256 %2…) is not the scenario&apos;s input &apos;%3&apos;, %4; give that file, or drop --open to use the embedded copy</source>
        <translation>--open &apos;%1&apos;（SHA-256 %2…）不是场景的输入 &apos;%3&apos;（%4）；请提供该文件，或去掉 --open 以使用嵌入的副本</translation>
    </message>
    <message>
        <source>--open: the page&apos;s parameters do not use the opened file(s) (the scenario or --set chose built-in data); add --set %1</source>
        <translation>--open：页面参数未使用所打开的文件（场景或 --set 选择了内置数据）；请添加 --set %1</translation>
    </message>
    <message>
        <source>--page &apos;%1&apos; does not match the scenario&apos;s page &apos;%2&apos;</source>
        <translation>--page &apos;%1&apos; 与场景的页面 &apos;%2&apos; 不符</translation>
    </message>
    <message>
        <source>page &apos;%1&apos; failed to compute: %2</source>
        <translation>页面 &apos;%1&apos; 计算失败：%2</translation>
    </message>
    <message>
        <source>page &apos;%1&apos; did not finish computing within %2 s (--wait); no screenshot written</source>
        <translation>页面 &apos;%1&apos; 未在 %2 s 内完成计算（--wait）；未写出截图</translation>
    </message>
    <message>
        <source>wrote %1
</source>
        <translation>已写入 %1
</translation>
    </message>
    <message>
        <source>cannot create directory &apos;%1&apos;</source>
        <translation>无法创建目录 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1: parameters valid, computed in %2 ms (add --export or --export-data to write files)
</source>
        <translation>%1：参数有效，计算用时 %2 ms（加上 --export 或 --export-data 以写出文件）
</translation>
    </message>
    <message>
        <source>
Report bugs to: &lt;%1/issues&gt;
LatentLab home page: &lt;%1&gt;
</source>
        <translation>
报告问题：&lt;%1/issues&gt;
LatentLab 主页：&lt;%1&gt;
</translation>
    </message>
    <message>
        <source>Copyright (C) 2026 LatentLab developers
License GPLv3: GNU GPL version 3 &lt;https://gnu.org/licenses/gpl.html&gt;, because this
binary links Qt Charts (GPL-3); LatentLab&apos;s own sources are under the MIT licence.
This is free software: you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
</source>
        <translation>版权所有 (C) 2026 LatentLab 开发者
许可证 GPLv3：GNU GPL 第 3 版 &lt;https://gnu.org/licenses/gpl.html&gt;，因为本
程序链接了 Qt Charts（GPL-3）；LatentLab 自身的源代码采用 MIT 许可证。
这是自由软件：您可以自由修改和重新发布它。
在法律允许的范围内，不提供任何担保。
</translation>
    </message>
    <message>
        <source>no device &apos;%1&apos; (see --list-devices)</source>
        <translation>没有设备“%1”（见 --list-devices）</translation>
    </message>
    <message>
        <source>nothing to do: give --page, --scenario, --report, --list-pages or --list-devices (see --help)</source>
        <translation>无事可做：请给出 --page、--scenario、--report、--list-pages 或 --list-devices（见 --help）</translation>
    </message>
    <message>
        <source>--measure: page &apos;%1&apos; has no timing to measure (efficient_attention&apos;s Timing and topk&apos;s Speed views have one)</source>
        <translation>--measure：页面“%1”没有可测量的计时（efficient_attention 的耗时视图和 topk 的速度视图才有）</translation>
    </message>
    <message>
        <source>--measure: the timing of page &apos;%1&apos; failed or did not finish within %2 s</source>
        <translation>--measure：页面“%1”的计时失败，或未在 %2 s 内完成</translation>
    </message>
    <message>
        <source>Usage: latentlab [OPTION]...
LatentLab, an interactive lab for the mathematics of modern deep learning.
Without options it opens the window. With any option below it runs without a window:
it computes synchronously, writes the requested files and exits.

  --list-pages        print one line per page: id&lt;TAB&gt;area&lt;TAB&gt;title
  --list-devices      print one line per compute device: id&lt;TAB&gt;kind&lt;TAB&gt;name,
                      kind cpu or opencl (pocl&apos;s OpenCL device runs on the CPU)
  --device ID         compute on device ID (from --list-devices; default cpu):
                      the attention, quantization, Top-k and flow pages run their
                      kernels there in float32; a device error falls back to the
                      CPU with a message, and exported data records the device
  --page ID           use page ID with its default parameters
  --scenario FILE     load a scenario file (.json): its page, parameters and seed
  --set KEY=VALUE     change one parameter (repeatable), e.g. --set k=3 --set x=3,2,1,4
  --open FILE         open a data file in the page, as its Open button does
                      (repeatable): attention_rank Q then K (.npy/.csv/.txt),
                      quant_grid, quant_image and reflow an image; opened before
                      the scenario and --set, which are checked against it
  --export OUT        write the figure to OUT.png, OUT.svg or OUT.pdf
  --export-data OUT   write the numbers behind the figure to OUT.csv or OUT.json
  --export-images DIR write the page&apos;s full-resolution images as PNG into DIR
                      (quant_image: original, fsq, vq and the two error maps)
  --size WxH[UNIT]    figure size (default 1600x1000). Without a unit, pixels
                      (200..8000 each): the PNG has them, and SVG/PDF pages are
                      as large as the PNG printed at --dpi (1600x1000 at 144 dpi
                      is 800x500 pt). With a unit (mm, cm, in, or pt = 1/72 in;
                      e.g. 170x110mm, 6.7x4.3in), SVG/PDF pages are exactly that
                      size and the PNG is that size at --dpi. Text keeps its
                      point size either way
  --dpi N             PNG resolution, and the inches of a pixel --size,
                      72..1200 (default 144)
  --no-caption        leave out the caption line under an exported figure (the
                      article it illustrates and its key parameters)
  --article           put the page&apos;s Article panel beside the exported figure:
                      the article, its claim and formulas, and the live numbers
                      that confirm it
  --report DIR        every page&apos;s figure as DIR/&lt;id&gt;.png and all of them in
                      DIR/latentlab-report.pdf (DIR is created)
  --measure           run the page&apos;s timing measurement (efficient_attention&apos;s
                      Timing view, topk&apos;s Speed view) before writing, on the CPU
                      and on the --device beside it
  --window-screenshot OUT.png
                      the whole window at --size showing the page of --page or
                      --scenario (default: the first page), once it has finished
                      computing; exit 3 without a file if it has not within --wait
  --wait SECONDS      how long --window-screenshot waits, 1..3600 (default 60)
  --language CODE     the language of messages and figures: en or zh_CN
                      (default: the choice in View &gt; Language, else the
                      system locale)
  -h, --help          show this help and exit
  -v, --version       show the version and exit

--export and --export-data may be combined. A page set up with --page or --scenario
replaces that page&apos;s default figure in --report.

Scenarios record the files a page had opened (name, size, SHA-256, and small ones
embedded). Replaying one uses the embedded copy, or the --open file whose SHA-256
matches; an input that is neither stops the run with its name (exit 2).

Exit status: 0 on success, 1 when a file cannot be read or written, 2 on bad input,
3 when --window-screenshot&apos;s page did not finish (or failed) within --wait.

Examples:
  latentlab --page topk --set k=3 --set tau=0.5 --export topk.png
  latentlab --scenario my.json --export fig.pdf --export-data fig.csv
  latentlab --page quant_image --open photo.jpg --export-images out/
  latentlab --report out/
  latentlab --page reflow --device opencl:0:0 --export-data reflow.json
</source>
        <translation>用法：latentlab [选项]...
LatentLab：现代深度学习数学的交互式实验室。
不带选项时打开窗口。带下列任一选项时不打开窗口运行：
同步计算，写出所需文件后退出。

  --list-pages        每个页面输出一行：id&lt;TAB&gt;领域&lt;TAB&gt;标题
  --list-devices      每个计算设备输出一行：id&lt;TAB&gt;类型&lt;TAB&gt;名称，
                      类型为 cpu 或 opencl（pocl 的 OpenCL 设备运行在 CPU 上）
  --device ID         在设备 ID 上计算（取自 --list-devices；默认 cpu）：
                      注意力、量化、Top-k 与流的页面在该设备上以 float32
                      运行其内核；设备出错时回退到 CPU 并给出消息，
                      导出的数据记录所用设备
  --page ID           使用页面 ID 及其默认参数
  --scenario FILE     载入场景文件（.json）：其页面、参数和随机种子
  --set KEY=VALUE     修改一个参数（可重复），例如 --set k=3 --set x=3,2,1,4
  --open FILE         在页面中打开数据文件，与页面的“打开”按钮相同
                      （可重复）：attention_rank 依次为 Q、K（.npy/.csv/.txt），
                      quant_grid、quant_image 和 reflow 为一幅图像；文件先于
                      场景和 --set 打开，并据此检查二者
  --export OUT        将图写入 OUT.png、OUT.svg 或 OUT.pdf
  --export-data OUT   将图背后的数据写入 OUT.csv 或 OUT.json
  --export-images DIR 将页面的全分辨率图像以 PNG 格式写入 DIR
                      （quant_image：原图、fsq、vq 及两张误差图）
  --size WxH[UNIT]    图的尺寸（默认 1600x1000）。不带单位时为像素
                      （每边 200..8000）：PNG 即为该像素数，SVG/PDF 页面
                      与该 PNG 按 --dpi 打印时一样大（1600x1000 在 144 dpi 下
                      为 800x500 pt）。带单位时（mm、cm、in，或 pt = 1/72 in；
                      例如 170x110mm、6.7x4.3in），SVG/PDF 页面恰为该尺寸，
                      PNG 为该尺寸在 --dpi 下的像素数。两种情况下文字
                      均保持其磅值
  --dpi N             PNG 分辨率，也决定像素 --size 对应的英寸数，
                      72..1200（默认 144）
  --no-caption        导出的图下方不加图注行（图注写明所对应的
                      文章及其关键参数）
  --article           在导出的图旁附上页面的文章面板：文章、论点与公式，
                      以及印证论点的实时数值
  --report DIR        将每个页面的图写为 DIR/&lt;id&gt;.png，并全部汇入
                      DIR/latentlab-report.pdf（自动创建 DIR）
  --measure           写出前先运行页面的计时测量（efficient_attention 的
                      耗时视图、topk 的速度视图），在 CPU 上并在
                      --device 指定的设备上并排测量
  --window-screenshot OUT.png
                      以 --size 尺寸截取整个窗口，显示 --page 或
                      --scenario 指定的页面（默认：第一个页面），在其完成
                      计算后截图；若未在 --wait 内完成，则不写文件并以 3 退出
  --wait SECONDS      --window-screenshot 的等待时间，1..3600（默认 60）
  --language CODE     消息和图的语言：en 或 zh_CN
                      （默认：“视图 &gt; 语言”中的选择，否则为
                      系统区域设置）
  -h, --help          显示此帮助并退出
  -v, --version       显示版本信息并退出

--export 与 --export-data 可同时使用。用 --page 或 --scenario 设置的页面
会在 --report 中替换该页面的默认图。

场景会记录页面打开过的文件（名称、大小、SHA-256，小文件还会
直接嵌入）。重放场景时使用嵌入的副本，或 SHA-256 相符的
--open 文件；两者皆非的输入会使运行中止并报出其名称（退出码 2）。

退出状态：0 表示成功，1 表示文件无法读取或写入，2 表示输入有误，
3 表示 --window-screenshot 的页面未在 --wait 内完成（或计算失败）。

示例：
  latentlab --page topk --set k=3 --set tau=0.5 --export topk.png
  latentlab --scenario my.json --export fig.pdf --export-data fig.csv
  latentlab --page quant_image --open photo.jpg --export-images out/
  latentlab --report out/
  latentlab --page reflow --device opencl:0:0 --export-data reflow.json
</translation>
    </message>
</context>
<context>
    <name>CostEstimate</name>
    <message>
        <source>no estimate yet on %1</source>
        <translation>在 %1 上尚无估计</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>≲ %1 on %2</source>
        <translation>在 %2 上 ≲ %1</translation>
    </message>
    <message>
        <source>≈ %1 on %2</source>
        <translation>在 %2 上 ≈ %1</translation>
    </message>
</context>
<context>
    <name>EfficientAttentionFigure</name>
    <message>
        <source>iid</source>
        <translation>iid</translation>
    </message>
    <message>
        <source>orthogonal</source>
        <translation>正交</translation>
    </message>
    <message>
        <source>orthogonal ‖ω‖ = √d</source>
        <translation>正交 ‖ω‖ = √d</translation>
    </message>
</context>
<context>
    <name>FigureExport</name>
    <message>
        <source>cannot start the PDF painter</source>
        <translation>无法启动 PDF 绘制器</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>unsupported figure format &apos;.%1&apos; (use .png, .svg or .pdf)</source>
        <translation>不支持的图格式 &apos;.%1&apos;（请使用 .png、.svg 或 .pdf）</translation>
    </message>
    <message>
        <source>cannot start the SVG painter</source>
        <translation>无法启动 SVG 绘制器</translation>
    </message>
    <message>
        <source>unsupported data format &apos;.%1&apos; (use .csv or .json)</source>
        <translation>不支持的数据格式 &apos;.%1&apos;（请使用 .csv 或 .json）</translation>
    </message>
    <message>
        <source>the report has no pages</source>
        <translation>报告中没有页面</translation>
    </message>
    <message>
        <source>LatentLab report</source>
        <translation>LatentLab 报告</translation>
    </message>
    <message>
        <source>nothing to capture</source>
        <translation>没有可截取的内容</translation>
    </message>
</context>
<context>
    <name>FigureSize</name>
    <message>
        <source>dpi %1 is out of range (36 to 1200)</source>
        <translation>dpi %1 超出范围（36 到 1200）</translation>
    </message>
    <message>
        <source>figure size %1 x %2 pt is out of range (%3 to %4 points, about 53 mm to 2.1 m, each)</source>
        <translation>图尺寸 %1 x %2 pt 超出范围（每边 %3 到 %4 pt，约 53 mm 到 2.1 m）</translation>
    </message>
    <message>
        <source>figure size %1 at %2 dpi is %3 x %4 pixels, more than %5 per side; lower the dpi</source>
        <translation>图尺寸 %1 在 %2 dpi 下为 %3 x %4 像素，单边超过 %5；请降低 dpi</translation>
    </message>
    <message>
        <source>figure size %1 x %2 is out of range (200 to 8000 pixels each)</source>
        <translation>图尺寸 %1 x %2 超出范围（每边 200 到 8000 像素）</translation>
    </message>
    <message>
        <source>a size is WxH in pixels (1600x1000) or with a unit: 170x110mm, 17x11cm, 6.7x4.3in, 482x312pt; got &apos;%1&apos;</source>
        <translation>尺寸应为以像素计的 WxH（1600x1000）或带单位：170x110mm、17x11cm、6.7x4.3in、482x312pt；实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a size in pixels is whole numbers, got &apos;%1&apos;</source>
        <translation>以像素计的尺寸必须是整数，实际为 &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>ImageDialog</name>
    <message>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>PageRegistry</name>
    <message>
        <source>Top-k</source>
        <translation>Top-k 光滑近似</translation>
    </message>
    <message>
        <source>Smooth Top-k</source>
        <translation>光滑 Top-k</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <source>Attention rank</source>
        <translation>注意力的秩</translation>
    </message>
    <message>
        <source>Efficient attention</source>
        <translation>高效注意力</translation>
    </message>
    <message>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <source>FSQ vs VQ grid</source>
        <translation>FSQ 与 VQ 网格</translation>
    </message>
    <message>
        <source>Image reconstruction</source>
        <translation>图像重建</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>流模型</translation>
    </message>
    <message>
        <source>Fokker–Planck</source>
        <translation>Fokker–Planck 方程</translation>
    </message>
    <message>
        <source>ReFlow</source>
        <translation>ReFlow 整流</translation>
    </message>
    <message>
        <source>ReFlow → WGAN-GP</source>
        <translation>从 ReFlow 到 WGAN-GP</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>Memory accountant</source>
        <translation>显存账本</translation>
    </message>
    <message>
        <source>Side-tuning run</source>
        <translation>旁路微调运行</translation>
    </message>
</context>
<context>
    <name>PanelExport</name>
    <message>
        <source>panel</source>
        <translation>面板</translation>
    </message>
    <message>
        <source>matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <source>cannot start the SVG painter</source>
        <translation>无法启动 SVG 绘制器</translation>
    </message>
    <message>
        <source>this panel has no numbers to export</source>
        <translation>此面板没有可导出的数据</translation>
    </message>
    <message>
        <source>unsupported format &apos;.%1&apos; (use .png, .svg, .pdf or .csv)</source>
        <translation>不支持的格式 &apos;.%1&apos;（请使用 .png、.svg、.pdf 或 .csv）</translation>
    </message>
    <message>
        <source>Export panel as PNG…</source>
        <translation>将面板导出为 PNG…</translation>
    </message>
    <message>
        <source>Export panel as PNG</source>
        <translation>将面板导出为 PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export panel as SVG…</source>
        <translation>将面板导出为 SVG…</translation>
    </message>
    <message>
        <source>Export panel as SVG</source>
        <translation>将面板导出为 SVG</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <source>Export panel as PDF…</source>
        <translation>将面板导出为 PDF…</translation>
    </message>
    <message>
        <source>Export panel as PDF</source>
        <translation>将面板导出为 PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Copy panel image</source>
        <translation>复制面板图像</translation>
    </message>
    <message>
        <source>Export panel data as CSV…</source>
        <translation>将面板数据导出为 CSV…</translation>
    </message>
    <message>
        <source>Export panel data</source>
        <translation>导出面板数据</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
</context>
<context>
    <name>ParamHistory</name>
    <message>
        <source>change %1</source>
        <translation>修改 %1</translation>
    </message>
</context>
<context>
    <name>RecomputeController</name>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>ShellDialogs</name>
    <message>
        <source>&lt;h3&gt;LatentLab %1&lt;/h3&gt;&lt;p&gt;An interactive lab for the mathematics of modern deep learning: smooth Top-k, attention rank, efficient attention, quantization, flows and side-tuning.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running %3), Eigen %4 and OpenCV %5.&lt;/p&gt;&lt;p&gt;LatentLab&apos;s sources are under the MIT licence. This binary links Qt Charts, which is under the GNU GPL version 3, so it is distributed under the terms of the GPL version 3. &lt;a href=&quot;%6&quot;&gt;%6&lt;/a&gt;&lt;/p&gt;&lt;p&gt;Third-party components:&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LatentLab %1&lt;/h3&gt;&lt;p&gt;现代深度学习数学的交互式实验室：光滑 Top-k、注意力的秩、高效注意力、量化、流模型与旁路微调。&lt;/p&gt;&lt;p&gt;基于 Qt %2（运行时 %3）、Eigen %4 和 OpenCV %5 构建。&lt;/p&gt;&lt;p&gt;LatentLab 的源代码采用 MIT 许可证。本程序链接了采用 GNU GPL 第 3 版的 Qt Charts，因此按 GPL 第 3 版的条款分发。&lt;a href=&quot;%6&quot;&gt;%6&lt;/a&gt;&lt;/p&gt;&lt;p&gt;第三方组件：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Screen, 1600 × 1000 px</source>
        <translation>屏幕，1600 × 1000 px</translation>
    </message>
    <message>
        <source>Journal, single column, 85 × 60 mm</source>
        <translation>期刊单栏，85 × 60 mm</translation>
    </message>
    <message>
        <source>Journal, double column, 170 × 110 mm</source>
        <translation>期刊双栏，170 × 110 mm</translation>
    </message>
    <message>
        <source>Slide 16:9, 10 × 5.625 in</source>
        <translation>幻灯片 16:9，10 × 5.625 in</translation>
    </message>
    <message>
        <source>px: the PNG&apos;s pixels, and an SVG/PDF page as large as that PNG at the resolution below. mm, cm, in, pt (1/72 in): the page&apos;s exact size.</source>
        <translation>px：PNG 的像素数，SVG/PDF 页面与该 PNG 在下方分辨率下一样大。mm、cm、in、pt（1/72 in）：页面的精确尺寸。</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>PNG: %1 × %2 px at %3 dpi (%4 × %5 mm printed)</source>
        <translation>PNG：%1 × %2 px，%3 dpi（打印尺寸 %4 × %5 mm）</translation>
    </message>
    <message>
        <source>Page: %1 × %2 mm (%3 × %4 pt); text keeps its point size</source>
        <translation>页面：%1 × %2 mm（%3 × %4 pt）；文字保持其磅值</translation>
    </message>
    <message>
        <source>Light print theme</source>
        <translation>浅色打印主题</translation>
    </message>
    <message>
        <source>Unchecked: the figure uses the window&apos;s current theme.</source>
        <translation>不勾选时，图使用窗口当前的主题。</translation>
    </message>
    <message>
        <source>Caption line (source and key parameters)</source>
        <translation>图注行（来源和关键参数）</translation>
    </message>
    <message>
        <source>A line under the figure naming the article it illustrates and the parameters that matter. The file&apos;s metadata keeps the full scenario either way.</source>
        <translation>图下方的一行文字，写明所对应的文章和关键参数。无论是否勾选，文件的元数据都会保存完整的场景。</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>分辨率：</translation>
    </message>
    <message>
        <source>Article panel beside the figure</source>
        <translation>在图旁附上文章面板</translation>
    </message>
    <message>
        <source>The article&apos;s claim, its formulas and the numbers that confirm it, in a column to the right of the figure.</source>
        <translation>文章的论点、公式以及印证它的数值，放在图右侧的一栏中。</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Iterative soft-k-max (Su)</source>
        <translation>迭代 soft-k-max（苏剑林）</translation>
    </message>
    <message>
        <source>Weighted-softmax iteration (SE)</source>
        <translation>加权 softmax 迭代（SE）</translation>
    </message>
    <message>
        <source>GradTopK</source>
        <translation>GradTopK</translation>
    </message>
    <message>
        <source>ThreTopK-exp</source>
        <translation>ThreTopK-exp</translation>
    </message>
    <message>
        <source>ThreTopK-sigmoid (LML)</source>
        <translation>ThreTopK-sigmoid (LML)</translation>
    </message>
    <message>
        <source>ThreTopK-Laplace (LapSum)</source>
        <translation>ThreTopK-Laplace (LapSum)</translation>
    </message>
    <message>
        <source>ThreTopK-clip</source>
        <translation>ThreTopK-clip</translation>
    </message>
    <message>
        <source>ThreTopK-entmax(α)</source>
        <translation>ThreTopK-entmax(α)</translation>
    </message>
    <message>
        <source>OT Sinkhorn (Xie et al.)</source>
        <translation>OT Sinkhorn（Xie 等）</translation>
    </message>
    <message>
        <source>Gumbel top-k expectation</source>
        <translation>Gumbel top-k 期望</translation>
    </message>
    <message>
        <source>Gaussian perturbed</source>
        <translation>高斯扰动</translation>
    </message>
    <message>
        <source>Σp = k</source>
        <translation>Σp = k</translation>
    </message>
    <message>
        <source>p ∈ [0, 1]</source>
        <translation>p ∈ [0, 1]</translation>
    </message>
    <message>
        <source>Monotone</source>
        <translation>单调</translation>
    </message>
    <message>
        <source>Shift-invariant</source>
        <translation>平移不变</translation>
    </message>
    <message>
        <source>Complement</source>
        <translation>互补</translation>
    </message>
    <message>
        <source>k = 1 → softmax</source>
        <translation>k = 1 → softmax</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>analytic</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>finite differences</source>
        <translation>有限差分</translation>
    </message>
    <message>
        <source>Monte Carlo</source>
        <translation>蒙特卡洛</translation>
    </message>
    <message>
        <source>iter_su leaves [0, 1]</source>
        <translation>iter_su 超出 [0, 1]</translation>
    </message>
    <message>
        <source>Su&apos;s iteration adds k softmax vectors, so Σp = k, but nothing caps an entry at 1: here p₂ = 1.0000454 (Su, kexue.fm/archives/10373, §迭代构造).</source>
        <translation>Su 迭代将 k 个 softmax 向量相加，因此 Σp = k，但没有任何机制把分量限制在 1 以内：这里 p₂ = 1.0000454（苏剑林，kexue.fm/archives/10373，§迭代构造）。</translation>
    </message>
    <message>
        <source>iter_su exceeds 1 twice</source>
        <translation>iter_su 两处超过 1</translation>
    </message>
    <message>
        <source>With k = 3 two entries pass 1 (1.052 and 1.091), so the output is not in the capped simplex Δ_k (Su, kexue.fm/archives/10373, §迭代构造).</source>
        <translation>k = 3 时有两个分量超过 1（1.052 和 1.091），因此输出不在截顶单纯形 Δ_k 内（苏剑林，kexue.fm/archives/10373，§迭代构造）。</translation>
    </message>
    <message>
        <source>iter_su is not monotone</source>
        <translation>iter_su 不单调</translation>
    </message>
    <message>
        <source>x₂ = 0.8 &gt; x₁ = 0.6, yet p₂ = 0.94696 &lt; p₁ = 0.94985: the iteration is not monotone (Su, kexue.fm/archives/10373, §迭代构造).</source>
        <translation>x₂ = 0.8 &gt; x₁ = 0.6，但 p₂ = 0.94696 &lt; p₁ = 0.94985：该迭代不单调（苏剑林，kexue.fm/archives/10373，§迭代构造）。</translation>
    </message>
    <message>
        <source>iter_se does not converge to T_k</source>
        <translation>iter_se 不收敛到 T_k</translation>
    </message>
    <message>
        <source>As τ → 0 the weighted-softmax iteration tends to 1.5 on the maximum and 0.5 on the runner-up instead of [1, 0, 0, 1], as the article says (Su, kexue.fm/archives/10373, §迭代构造).</source>
        <translation>当 τ → 0 时，加权 softmax 迭代在最大值上趋于 1.5、在次大值上趋于 0.5，而不是文章所说的 [1, 0, 0, 1]（苏剑林，kexue.fm/archives/10373，§迭代构造）。</translation>
    </message>
    <message>
        <source>iter_se goes negative</source>
        <translation>iter_se 出现负值</translation>
    </message>
    <message>
        <source>Once an entry passes 1 the weights 1 − p turn negative and so do four outputs, while one reaches 3.32 (iteration from Su, kexue.fm/archives/10373, §迭代构造).</source>
        <translation>一旦某个分量超过 1，权重 1 − p 就变为负数，随之有四个输出为负，而另一个达到 3.32（迭代出自苏剑林，kexue.fm/archives/10373，§迭代构造）。</translation>
    </message>
    <message>
        <source>iter_se is not monotone at k = 3</source>
        <translation>iter_se 在 k = 3 时不单调</translation>
    </message>
    <message>
        <source>At finite τ the largest score x₄ = 4 gets p₄ = 0.695, less than p₂ = 0.714 for x₂ = 2 (iteration from Su, kexue.fm/archives/10373, §迭代构造).</source>
        <translation>在有限 τ 下，最大的分数 x₄ = 4 得到 p₄ = 0.695，反而小于 x₂ = 2 对应的 p₂ = 0.714（迭代出自苏剑林，kexue.fm/archives/10373，§迭代构造）。</translation>
    </message>
    <message>
        <source>The article&apos;s recursion breaks down</source>
        <translation>文章的递推失效</translation>
    </message>
    <message>
        <source>The naive recursion Z_{k,i} = e^{x_i}(Z_{k−1} − Z_{k−1,i}) subtracts nearly equal numbers and returns p₄ = 1.0117 here; the log-space DP shown gives the exact [1, 0.99995, 4.5e-5, 1] (the article warns of this: Su, kexue.fm/archives/10373, §作为梯度).</source>
        <translation>朴素递推 Z_{k,i} = e^{x_i}(Z_{k−1} − Z_{k−1,i}) 对几乎相等的数做减法，这里返回 p₄ = 1.0117；此处所示的对数空间 DP 给出精确值 [1, 0.99995, 4.5e-5, 1]（文章对此已有提醒：苏剑林，kexue.fm/archives/10373，§作为梯度）。</translation>
    </message>
    <message>
        <source>thre_laplace is not softmax at k = 1</source>
        <translation>thre_laplace 在 k = 1 时不是 softmax</translation>
    </message>
    <message>
        <source>The article suggests the Laplace ThreTopK reduces to softmax at k = 1; it does only when max softmax ≤ ½, and here p₄ = 0.628 against softmax 0.644 (Su, kexue.fm/archives/10373, §二者兼之).</source>
        <translation>文章暗示 Laplace ThreTopK 在 k = 1 时退化为 softmax；实际上仅当 softmax 的最大值 ≤ ½ 时才成立，这里 p₄ = 0.628，而 softmax 为 0.644（苏剑林，kexue.fm/archives/10373，§二者兼之）。</translation>
    </message>
    <message>
        <source>thre_laplace needs the m = n branch</source>
        <translation>thre_laplace 需要 m = n 分支</translation>
    </message>
    <message>
        <source>Here λ = 0.4058 lies below every z_i, a case the article&apos;s loop over m &lt; n never tries (Su, kexue.fm/archives/10373, §二者兼之).</source>
        <translation>这里 λ = 0.4058 低于所有 z_i，而文章中对 m &lt; n 的循环从不尝试这种情形（苏剑林，kexue.fm/archives/10373，§二者兼之）。</translation>
    </message>
    <message>
        <source>thre_exp breaks complement symmetry</source>
        <translation>thre_exp 破坏互补对称性</translation>
    </message>
    <message>
        <source>ST₁(x) differs from 1 − ST₃(−x) by up to 0.087 for f = min(1, eᵘ), while GradTopK, sigmoid and Laplace keep the identity exactly. This symmetry is a check beyond the three properties of Su, kexue.fm/archives/10373, §问题描述.</source>
        <translation>对 f = min(1, eᵘ)，ST₁(x) 与 1 − ST₃(−x) 最多相差 0.087，而 GradTopK、sigmoid 和 Laplace 精确保持这一恒等式。这一对称性是三条性质之外的额外检验（三条性质见苏剑林，kexue.fm/archives/10373，§问题描述）。</translation>
    </message>
    <message>
        <source>OT soft top-k is not shift-invariant</source>
        <translation>OT soft top-k 不满足平移不变性</translation>
    </message>
    <message>
        <source>Xie et al.&apos;s cost is divided by max C, so adding 10 to [3, 2, 1, 4] changes the effective temperature and flattens the output to about [0.51, 0.49, 0.47, 0.53]: no shift invariance as asked in Su, kexue.fm/archives/10373, §问题描述.</source>
        <translation>Xie 等的代价除以 max C，因此给 [3, 2, 1, 4] 加上 10 会改变有效温度，并把输出压平到约 [0.51, 0.49, 0.47, 0.53]：不满足平移不变性（这一要求见苏剑林，kexue.fm/archives/10373，§问题描述）。</translation>
    </message>
    <message>
        <source>Gumbel top-k is not GradTopK at k = 2</source>
        <translation>Gumbel top-k 在 k = 2 时不等于 GradTopK</translation>
    </message>
    <message>
        <source>Sampling k items without replacement gives p₄ = 0.9266, GradTopK&apos;s conditioned product law gives 0.8808; the two agree only at k = 1 (Kool et al. 2019; GradTopK: Su, kexue.fm/archives/10373, §作为梯度).</source>
        <translation>不放回地抽取 k 个元素得到 p₄ = 0.9266，GradTopK 的条件乘积分布给出 0.8808；两者仅在 k = 1 时一致（Kool 等，2019；GradTopK：苏剑林，kexue.fm/archives/10373，§作为梯度）。</translation>
    </message>
    <message>
        <source>L·E_T (encoder-style blocks)</source>
        <translation>L·E_T（编码器式块）</translation>
    </message>
    <message>
        <source>L·decoder blocks (trainable)</source>
        <translation>L·解码器块（可训练）</translation>
    </message>
    <message>
        <source>encoder output s·b·h</source>
        <translation>编码器输出 s·b·h</translation>
    </message>
    <message>
        <source>LM head 2·t·b·V</source>
        <translation>LM 输出头 2·t·b·V</translation>
    </message>
    <message>
        <source>P_train</source>
        <translation>P_train</translation>
    </message>
    <message>
        <source>M_w = (P_backbone + P_new)·β_w</source>
        <translation>M_w = (P_backbone + P_new)·β_w</translation>
    </message>
    <message>
        <source>M_g = P_train·β_w</source>
        <translation>M_g = P_train·β_w</translation>
    </message>
    <message>
        <source>M_opt = k_opt·P_train·β_o</source>
        <translation>M_opt = k_opt·P_train·β_o</translation>
    </message>
    <message>
        <source>activations (elements·β_a)</source>
        <translation>激活值（元素数·β_a）</translation>
    </message>
    <message>
        <source>dropout masks (bytes)</source>
        <translation>dropout 掩码（字节）</translation>
    </message>
    <message>
        <source>frozen blocks on path (E_G)</source>
        <translation>路径上的冻结块（E_G）</translation>
    </message>
    <message>
        <source>adapters s·b·(h + 2m) each</source>
        <translation>每个 Adapter s·b·(h + 2m)</translation>
    </message>
    <message>
        <source>LoRA Z = XA and shared X</source>
        <translation>LoRA 的 Z = XA 与共享的 X</translation>
    </message>
    <message>
        <source>frozen blocks on path at s + p, micro-batch</source>
        <translation>路径上的冻结块（长度 s + p，微批）</translation>
    </message>
    <message>
        <source>prompt head (t·b·V·2)</source>
        <translation>Prompt 输出头（t·b·V·2）</translation>
    </message>
    <message>
        <source>k·E_T side blocks</source>
        <translation>k·E_T 旁路块</translation>
    </message>
    <message>
        <source>(k+1) ladder inputs s·b·h</source>
        <translation>(k+1) 个梯子输入 s·b·h</translation>
    </message>
    <message>
        <source>2k gate operands s·b·h/r</source>
        <translation>2k 个门控操作数 s·b·h/r</translation>
    </message>
    <message>
        <source>side encoder output s·b·h/r</source>
        <translation>旁路编码器输出 s·b·h/r</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Scores x</source>
        <translation>分数 x</translation>
    </message>
    <message>
        <source>Input scores x (2 to 64 entries); every method works on z = x/τ</source>
        <translation>输入分数 x（2 到 64 个元素）；所有方法都作用于 z = x/τ</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>How many entries to select, 0..n</source>
        <translation>选出的元素个数，0..n</translation>
    </message>
    <message>
        <source>τ (temperature)</source>
        <translation>τ（温度）</translation>
    </message>
    <message>
        <source>Temperature in x-units: τ → 0 gives hard Top-k, τ → ∞ gives k/n</source>
        <translation>以 x 为单位的温度：τ → 0 得到硬 Top-k，τ → ∞ 得到 k/n</translation>
    </message>
    <message>
        <source>Focus method</source>
        <translation>重点方法</translation>
    </message>
    <message>
        <source>Iterative soft-k-max (Su)</source>
        <translation>迭代 soft-k-max（Su）</translation>
    </message>
    <message>
        <source>Weighted-softmax iteration (SE)</source>
        <translation>加权 softmax 迭代（SE）</translation>
    </message>
    <message>
        <source>GradTopK</source>
        <translation>GradTopK</translation>
    </message>
    <message>
        <source>ThreTopK-exp</source>
        <translation>ThreTopK-exp</translation>
    </message>
    <message>
        <source>ThreTopK-sigmoid (LML)</source>
        <translation>ThreTopK-sigmoid（LML）</translation>
    </message>
    <message>
        <source>ThreTopK-Laplace (LapSum)</source>
        <translation>ThreTopK-Laplace（LapSum）</translation>
    </message>
    <message>
        <source>ThreTopK-clip</source>
        <translation>ThreTopK-clip</translation>
    </message>
    <message>
        <source>ThreTopK-entmax(α)</source>
        <translation>ThreTopK-entmax(α)</translation>
    </message>
    <message>
        <source>OT Sinkhorn (Xie et al.)</source>
        <translation>OT Sinkhorn（Xie 等）</translation>
    </message>
    <message>
        <source>Gumbel top-k expectation</source>
        <translation>Gumbel Top-k 期望</translation>
    </message>
    <message>
        <source>Gaussian perturbed</source>
        <translation>高斯扰动</translation>
    </message>
    <message>
        <source>Method whose Jacobian, threshold solver and response curves are shown</source>
        <translation>显示其雅可比矩阵、阈值求解器和响应曲线的方法</translation>
    </message>
    <message>
        <source>Show Iterative soft-k-max (Su)</source>
        <translation>显示迭代 soft-k-max（Su）</translation>
    </message>
    <message>
        <source>Draw Iterative soft-k-max (Su) in the bars, response, L1 and property views</source>
        <translation>在柱状图、响应、L1 和性质视图中绘制迭代 soft-k-max（Su）</translation>
    </message>
    <message>
        <source>Show Weighted-softmax iteration (SE)</source>
        <translation>显示加权 softmax 迭代（SE）</translation>
    </message>
    <message>
        <source>Draw Weighted-softmax iteration (SE) in the bars, response, L1 and property views</source>
        <translation>在柱状图、响应、L1 和性质视图中绘制加权 softmax 迭代（SE）</translation>
    </message>
    <message>
        <source>Show GradTopK</source>
        <translation>显示 GradTopK</translation>
    </message>
    <message>
        <source>Draw GradTopK in the bars, response, L1 and property views</source>
        <translation>在柱状图、响应、L1 和性质视图中绘制 GradTopK</translation>
    </message>
    <message>
        <source>Show ThreTopK-exp</source>
        <translation>显示 ThreTopK-exp</translation>
    </message>
    <message>
        <source>Draw ThreTopK-exp in the bars, response, L1 and property views</source>
        <translation>在柱状图、响应、L1 和性质视图中绘制 ThreTopK-exp</translation>
    </message>
    <message>
        <source>Show ThreTopK-sigmoid (LML)</source>
        <translation>显示 ThreTopK-sigmoid（LML）</translation>
    </message>
    <message>
        <source>Draw ThreTopK-sigmoid (LML) in the bars, response, L1 and property views</source>
        <translation>在柱状图、响应、L1 和性质视图中绘制 ThreTopK-sigmoid（LML）</translation>
    </message>
    <message>
        <source>Show ThreTopK-Laplace (LapSum)</source>
        <translation>显示 ThreTopK-Laplace（LapSum）</translation>
    </message>
    <message>
        <source>Draw ThreTopK-Laplace (LapSum) in the bars, response, L1 and property views</source>
        <translation>在柱状图、响应、L1 和性质视图中绘制 ThreTopK-Laplace（LapSum）</translation>
    </message>
    <message>
        <source>Show ThreTopK-clip</source>
        <translation>显示 ThreTopK-clip</translation>
    </message>
    <message>
        <source>Draw ThreTopK-clip in the bars, response, L1 and property views</source>
        <translation>在柱状图、响应、L1 和性质视图中绘制 ThreTopK-clip</translation>
    </message>
    <message>
        <source>Show ThreTopK-entmax(α)</source>
        <translation>显示 ThreTopK-entmax(α)</translation>
    </message>
    <message>
        <source>Draw ThreTopK-entmax(α) in the bars, response, L1 and property views</source>
        <translation>在柱状图、响应、L1 和性质视图中绘制 ThreTopK-entmax(α)</translation>
    </message>
    <message>
        <source>Show OT Sinkhorn (Xie et al.)</source>
        <translation>显示 OT Sinkhorn（Xie 等）</translation>
    </message>
    <message>
        <source>Draw OT Sinkhorn (Xie et al.) in the bars, response, L1 and property views</source>
        <translation>在柱状图、响应、L1 和性质视图中绘制 OT Sinkhorn（Xie 等）</translation>
    </message>
    <message>
        <source>Show Gumbel top-k expectation</source>
        <translation>显示 Gumbel Top-k 期望</translation>
    </message>
    <message>
        <source>Draw Gumbel top-k expectation in the bars, response, L1 and property views</source>
        <translation>在柱状图、响应、L1 和性质视图中绘制 Gumbel Top-k 期望</translation>
    </message>
    <message>
        <source>Show Gaussian perturbed</source>
        <translation>显示高斯扰动</translation>
    </message>
    <message>
        <source>Draw Gaussian perturbed in the bars, response, L1 and property views</source>
        <translation>在柱状图、响应、L1 和性质视图中绘制高斯扰动</translation>
    </message>
    <message>
        <source>Entmax α</source>
        <translation>Entmax α</translation>
    </message>
    <message>
        <source>α of thre_entmax: α → 1 is thre_exp, α = 2 is thre_clip</source>
        <translation>thre_entmax 的 α：α → 1 即 thre_exp，α = 2 即 thre_clip</translation>
    </message>
    <message>
        <source>OT ε</source>
        <translation>OT ε</translation>
    </message>
    <message>
        <source>Entropic regularisation of ot_sinkhorn, on the max-normalised cost</source>
        <translation>ot_sinkhorn 的熵正则化，作用于按最大值归一化的代价</translation>
    </message>
    <message>
        <source>Monte Carlo samples</source>
        <translation>蒙特卡洛样本数</translation>
    </message>
    <message>
        <source>Samples for gumbel_expect and gauss_perturbed; 0 = exact expectation</source>
        <translation>gumbel_expect 和 gauss_perturbed 的样本数；0 = 精确期望</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seed of the Monte Carlo estimates (same seed, same numbers)</source>
        <translation>蒙特卡洛估计的随机种子（种子相同，数值相同）</translation>
    </message>
    <message>
        <source>Swept entry j</source>
        <translation>扫描元素 j</translation>
    </message>
    <message>
        <source>Response view: which x_j is swept (1-based, at most n)</source>
        <translation>响应视图：扫描哪个 x_j（从 1 开始，至多 n）</translation>
    </message>
    <message>
        <source>Sweep from</source>
        <translation>扫描起点</translation>
    </message>
    <message>
        <source>Response view: first value of x_j (x-units)</source>
        <translation>响应视图：x_j 的起始值（x 单位）</translation>
    </message>
    <message>
        <source>Sweep to</source>
        <translation>扫描终点</translation>
    </message>
    <message>
        <source>Response view: last value of x_j (x-units), above the first</source>
        <translation>响应视图：x_j 的终止值（x 单位），须大于起始值</translation>
    </message>
    <message>
        <source>Match temperatures</source>
        <translation>匹配温度</translation>
    </message>
    <message>
        <source>Give each shown method its own τ so that its L1 error to T_k equals GradTopK&apos;s at τ</source>
        <translation>为每个显示的方法单独设定 τ，使其与 T_k 的 L1 误差等于 GradTopK 在 τ 下的误差</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>柱状图</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>稳定性</translation>
    </message>
    <message>
        <source>Counter-examples</source>
        <translation>反例</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>性质</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Which figure the page shows and exports</source>
        <translation>页面显示和导出哪一幅图</translation>
    </message>
    <message>
        <source>Counter-example</source>
        <translation>反例</translation>
    </message>
    <message>
        <source>Gallery entry selected (0-based)</source>
        <translation>所选的图库条目（从 0 开始）</translation>
    </message>
    <message>
        <source>Q, K source</source>
        <translation>Q、K 来源</translation>
    </message>
    <message>
        <source>Gaussian (SplitMix64 seed)</source>
        <translation>高斯（SplitMix64 种子）</translation>
    </message>
    <message>
        <source>Circle (d = 2)</source>
        <translation>圆周（d = 2）</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <source>Loaded .npy files</source>
        <translation>载入的 .npy 文件</translation>
    </message>
    <message>
        <source>Where Q and K come from. Circle: q_i = k_i = (cos θ_i, sin θ_i), logits τ·cos(θ_i − θ_j). npy: the files loaded with “Load Q/K…” (not saved in scenarios)</source>
        <translation>Q 和 K 的来源。圆周：q_i = k_i = (cos θ_i, sin θ_i)，logits 为 τ·cos(θ_i − θ_j)。npy：用“载入 Q/K…”载入的文件（不保存到场景中）</translation>
    </message>
    <message>
        <source>n (tokens)</source>
        <translation>n（token 数）</translation>
    </message>
    <message>
        <source>Sequence length; above 512 a recompute takes a while</source>
        <translation>序列长度；超过 512 时重新计算需要一段时间</translation>
    </message>
    <message>
        <source>d (head size)</source>
        <translation>d（头维度）</translation>
    </message>
    <message>
        <source>Key/query dimension per head, 1..n (the circle uses 2)</source>
        <translation>每个头的 Key/Query 维度，1..n（圆周数据用 2）</translation>
    </message>
    <message>
        <source>τ (inverse temperature)</source>
        <translation>τ（逆温度）</translation>
    </message>
    <message>
        <source>Logit multiplier: S = τ·QKᵀ/√d; large τ = sharp attention</source>
        <translation>logit 乘数：S = τ·QKᵀ/√d；τ 越大注意力越尖锐</translation>
    </message>
    <message>
        <source>SplitMix64 seed of the Gaussian Q and K</source>
        <translation>高斯 Q 和 K 的 SplitMix64 种子</translation>
    </message>
    <message>
        <source>Prefix length m</source>
        <translation>前缀长度 m</translation>
    </message>
    <message>
        <source>Prefix-LM: the first m tokens see each other, 0..n</source>
        <translation>Prefix-LM：前 m 个 token 相互可见，0..n</translation>
    </message>
    <message>
        <source>Mixed heads H</source>
        <translation>混合头数 H</translation>
    </message>
    <message>
        <source>Forward/backward-mixed design: H heads, the first H/2 forward</source>
        <translation>前向/后向混合设计：H 个头，前 H/2 个为前向</translation>
    </message>
    <message>
        <source>Tolerance t = n·ε</source>
        <translation>容差 t = n·ε</translation>
    </message>
    <message>
        <source>Use the LAPACK/NumPy tolerance n·ε for rank_t</source>
        <translation>rank_t 使用 LAPACK/NumPy 的容差 n·ε</translation>
    </message>
    <message>
        <source>Tolerance t</source>
        <translation>容差 t</translation>
    </message>
    <message>
        <source>rank_t counts σ_i &gt; t·σ₁ (when t = n·ε is off)</source>
        <translation>rank_t 统计 σ_i &gt; t·σ₁ 的个数（关闭 t = n·ε 时）</translation>
    </message>
    <message>
        <source>SVD engine</source>
        <translation>SVD 引擎</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Jacobi (accurate)</source>
        <translation>Jacobi（精确）</translation>
    </message>
    <message>
        <source>Eigen BDC</source>
        <translation>Eigen BDC</translation>
    </message>
    <message>
        <source>LAPACK dgesdd (fast)</source>
        <translation>LAPACK dgesdd（快速）</translation>
    </message>
    <message>
        <source>Auto: Jacobi up to n = 64, LAPACK dgesdd above</source>
        <translation>自动：n ≤ 64 时用 Jacobi，更大时用 LAPACK dgesdd</translation>
    </message>
    <message>
        <source>Log colour scale</source>
        <translation>对数色标</translation>
    </message>
    <message>
        <source>Heat maps: colour by log10 of the attention weight</source>
        <translation>热力图：按注意力权重的 log10 着色</translation>
    </message>
    <message>
        <source>Sweep along</source>
        <translation>扫描参数</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>d</source>
        <translation>d</translation>
    </message>
    <message>
        <source>τ</source>
        <translation>τ</translation>
    </message>
    <message>
        <source>Sweeps view: the swept parameter (others fixed)</source>
        <translation>扫描视图：被扫描的参数（其余固定）</translation>
    </message>
    <message>
        <source>Depth L</source>
        <translation>深度 L</translation>
    </message>
    <message>
        <source>Depth view: number of stacked attention layers</source>
        <translation>深度视图：堆叠的注意力层数</translation>
    </message>
    <message>
        <source>Heat maps</source>
        <translation>热力图</translation>
    </message>
    <message>
        <source>Spectra</source>
        <translation>谱</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>Mixed heads</source>
        <translation>混合头</translation>
    </message>
    <message>
        <source>Sequence length n</source>
        <translation>序列长度 n</translation>
    </message>
    <message>
        <source>Head dimension d</source>
        <translation>头维度 d</translation>
    </message>
    <message>
        <source>Columns of Q and K</source>
        <translation>Q 和 K 的列数</translation>
    </message>
    <message>
        <source>Value dimension d_v</source>
        <translation>Value 维度 d_v</translation>
    </message>
    <message>
        <source>Columns of V</source>
        <translation>V 的列数</translation>
    </message>
    <message>
        <source>Q, K scale σ</source>
        <translation>Q、K 尺度 σ</translation>
    </message>
    <message>
        <source>Std of the Q and K entries: larger σ is sharper attention (lower temperature), which needs exponentially more features (Performer paper, Lemma 2)</source>
        <translation>Q 和 K 元素的标准差：σ 越大注意力越尖锐（温度越低），所需特征数呈指数增长（Performer 论文，引理 2）</translation>
    </message>
    <message>
        <source>Causal</source>
        <translation>因果</translation>
    </message>
    <message>
        <source>Mask future keys: prefix sums for Performer, the block cache for Transformer-VQ</source>
        <translation>掩码未来的 Key：Performer 用前缀和，Transformer-VQ 用块缓存</translation>
    </message>
    <message>
        <source>Data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <source>Seed of Q, K, V and of the codebook initialisation</source>
        <translation>Q、K、V 以及码本初始化的随机种子</translation>
    </message>
    <message>
        <source>Performer features</source>
        <translation>Performer 特征</translation>
    </message>
    <message>
        <source>Positive (FAVOR+)</source>
        <translation>正值（FAVOR+）</translation>
    </message>
    <message>
        <source>Hyperbolic (hyp+)</source>
        <translation>双曲（hyp+）</translation>
    </message>
    <message>
        <source>Trigonometric</source>
        <translation>三角函数</translation>
    </message>
    <message>
        <source>Positive and hyperbolic (2m features, lower variance) stay &gt; 0; trigonometric ones can give negative weights and near-zero normalisers (Performer paper, §2.3)</source>
        <translation>正值与双曲特征（2m 个特征，方差更低）恒 &gt; 0；三角函数特征可能给出负权重和接近零的归一化因子（Performer 论文，§2.3）</translation>
    </message>
    <message>
        <source>Projection Ω</source>
        <translation>投影 Ω</translation>
    </message>
    <message>
        <source>iid Gaussian</source>
        <translation>iid 高斯</translation>
    </message>
    <message>
        <source>Orthogonal (χ norms)</source>
        <translation>正交（χ 范数）</translation>
    </message>
    <message>
        <source>Orthogonal, ‖ω‖ = √d</source>
        <translation>正交，‖ω‖ = √d</translation>
    </message>
    <message>
        <source>How the random features ω_i are drawn (Performer paper, §2.4)</source>
        <translation>随机特征 ω_i 的采样方式（Performer 论文，§2.4）</translation>
    </message>
    <message>
        <source>Random features m</source>
        <translation>随机特征数 m</translation>
    </message>
    <message>
        <source>Performer&apos;s feature count, its &apos;rank&apos;</source>
        <translation>Performer 的特征数，即其“秩”</translation>
    </message>
    <message>
        <source>Redraw seed</source>
        <translation>重采样种子</translation>
    </message>
    <message>
        <source>Seed of the random features Ω (redraw)</source>
        <translation>随机特征 Ω 的随机种子（重采样）</translation>
    </message>
    <message>
        <source>Redraws per m</source>
        <translation>每个 m 的重采样次数</translation>
    </message>
    <message>
        <source>Feature draws per m in the error-vs-m view (median and spread)</source>
        <translation>误差–m 视图中每个 m 的特征采样次数（中位数与离散程度）</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>码本</translation>
    </message>
    <message>
        <source>k-means over keys</source>
        <translation>对 Key 做 k-means</translation>
    </message>
    <message>
        <source>Random keys</source>
        <translation>随机 Key</translation>
    </message>
    <message>
        <source>Transformer-VQ codebook C from the keys</source>
        <translation>由 Key 得到的 Transformer-VQ 码本 C</translation>
    </message>
    <message>
        <source>Codebook size S</source>
        <translation>码本大小 S</translation>
    </message>
    <message>
        <source>Codes S (at most n)</source>
        <translation>码字数 S（至多 n）</translation>
    </message>
    <message>
        <source>k-means iterations</source>
        <translation>k-means 迭代次数</translation>
    </message>
    <message>
        <source>Lloyd iterations of the k-means codebook</source>
        <translation>k-means 码本的 Lloyd 迭代次数</translation>
    </message>
    <message>
        <source>Block length l</source>
        <translation>块长 l</translation>
    </message>
    <message>
        <source>Causal Transformer-VQ block length (at most n)</source>
        <translation>因果 Transformer-VQ 的块长（至多 n）</translation>
    </message>
    <message>
        <source>Window bias B</source>
        <translation>窗口偏置 B</translation>
    </message>
    <message>
        <source>Causal Transformer-VQ with the local window bias of Lingle 2023, here b(t) = β·e^(−2t/l) for 0 ≤ t &lt; l</source>
        <translation>带 Lingle 2023 局部窗口偏置的因果 Transformer-VQ，此处 b(t) = β·e^(−2t/l)，0 ≤ t &lt; l</translation>
    </message>
    <message>
        <source>Bias strength β</source>
        <translation>偏置强度 β</translation>
    </message>
    <message>
        <source>β of the window bias b(t) = β·e^(−2t/l)</source>
        <translation>窗口偏置 b(t) = β·e^(−2t/l) 中的 β</translation>
    </message>
    <message>
        <source>Cache cursor (block)</source>
        <translation>缓存游标（块）</translation>
    </message>
    <message>
        <source>Cache inspector: blocks 0 … b of length l are in the cache</source>
        <translation>缓存查看器：长度为 l 的块 0 … b 位于缓存中</translation>
    </message>
    <message>
        <source>Lemma-2 cell: query i</source>
        <translation>引理 2 单元：Query i</translation>
    </message>
    <message>
        <source>Query row of the kernel entry in the Lemma-2 view</source>
        <translation>引理 2 视图中核矩阵元素所在的 Query 行</translation>
    </message>
    <message>
        <source>Lemma-2 cell: key j</source>
        <translation>引理 2 单元：Key j</translation>
    </message>
    <message>
        <source>Key column of the kernel entry in the Lemma-2 view</source>
        <translation>引理 2 视图中核矩阵元素所在的 Key 列</translation>
    </message>
    <message>
        <source>Colour the maps on a log scale (small weights visible)</source>
        <translation>矩阵图使用对数色标（可看清小权重）</translation>
    </message>
    <message>
        <source>Soft-assignment τ</source>
        <translation>软分配 τ</translation>
    </message>
    <message>
        <source>p(y|k) = softmax(−‖k − c_y‖²/(2τ)); τ → 0 is hard VQ</source>
        <translation>p(y|k) = softmax(−‖k − c_y‖²/(2τ))；τ → 0 即硬 VQ</translation>
    </message>
    <message>
        <source>Inspected key</source>
        <translation>查看的 Key</translation>
    </message>
    <message>
        <source>Key whose soft and hard assignments are drawn (0-based, &lt; n)</source>
        <translation>绘制其软分配与硬分配的 Key（从 0 开始，&lt; n）</translation>
    </message>
    <message>
        <source>Maps</source>
        <translation>矩阵图</translation>
    </message>
    <message>
        <source>Error vs m</source>
        <translation>误差–m</translation>
    </message>
    <message>
        <source>Error vs S</source>
        <translation>误差–S</translation>
    </message>
    <message>
        <source>VQ cache</source>
        <translation>VQ 缓存</translation>
    </message>
    <message>
        <source>Lemma 2</source>
        <translation>引理 2</translation>
    </message>
    <message>
        <source>Soft VQ analogy</source>
        <translation>软 VQ 类比</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>计时</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>Gaussian</source>
        <translation>高斯</translation>
    </message>
    <message>
        <source>Mixture of 5</source>
        <translation>5 成分混合</translation>
    </message>
    <message>
        <source>Ring</source>
        <translation>圆环</translation>
    </message>
    <message>
        <source>Image patches</source>
        <translation>图像图块</translation>
    </message>
    <message>
        <source>Synthetic cloud, or whitened PCA components of 4×4 patches of an image (bundled sample or your own)</source>
        <translation>合成点云，或图像 4×4 图块的白化 PCA 分量（内置样例或你自己的图像）</translation>
    </message>
    <message>
        <source>Dimensions d</source>
        <translation>维度 d</translation>
    </message>
    <message>
        <source>Latent dimension: 2 or 3</source>
        <translation>隐变量维度：2 或 3</translation>
    </message>
    <message>
        <source>Points N</source>
        <translation>点数 N</translation>
    </message>
    <message>
        <source>Number of latent points</source>
        <translation>隐变量点的数量</translation>
    </message>
    <message>
        <source>Levels L1</source>
        <translation>级数 L1</translation>
    </message>
    <message>
        <source>FSQ levels of dimension 1 (3..32; below 5 is worse)</source>
        <translation>第 1 维的 FSQ 级数（3..32；小于 5 时效果更差）</translation>
    </message>
    <message>
        <source>Levels L2</source>
        <translation>级数 L2</translation>
    </message>
    <message>
        <source>FSQ levels of dimension 2 (3..32; below 5 is worse)</source>
        <translation>第 2 维的 FSQ 级数（3..32；小于 5 时效果更差）</translation>
    </message>
    <message>
        <source>Levels L3</source>
        <translation>级数 L3</translation>
    </message>
    <message>
        <source>FSQ levels of dimension 3, when d = 3</source>
        <translation>第 3 维的 FSQ 级数，d = 3 时使用</translation>
    </message>
    <message>
        <source>Bound</source>
        <translation>有界函数</translation>
    </message>
    <message>
        <source>tanh (canonical)</source>
        <translation>tanh（标准）</translation>
    </message>
    <message>
        <source>paper-literal tan</source>
        <translation>论文原式 tan</translation>
    </message>
    <message>
        <source>Su sigmoid</source>
        <translation>Su sigmoid</translation>
    </message>
    <message>
        <source>Bounding function before rounding (FSQ paper; Su, kexue.fm/archives/9826)</source>
        <translation>取整前的有界函数（FSQ 论文；苏剑林，kexue.fm/archives/9826）</translation>
    </message>
    <message>
        <source>Bound gain α</source>
        <translation>有界增益 α</translation>
    </message>
    <message>
        <source>FSQ quantizes z = α·x: small α uses few central cells</source>
        <translation>FSQ 量化 z = α·x：α 较小时只用到少数中心格子</translation>
    </message>
    <message>
        <source>FSQ space</source>
        <translation>FSQ 空间</translation>
    </message>
    <message>
        <source>Raw z-space</source>
        <translation>原始 z 空间</translation>
    </message>
    <message>
        <source>Bounded space</source>
        <translation>有界空间</translation>
    </message>
    <message>
        <source>Raw: non-uniform cells; bounded: the uniform grid</source>
        <translation>原始空间：非均匀格子；有界空间：均匀网格</translation>
    </message>
    <message>
        <source>VQ K = FSQ K</source>
        <translation>VQ K = FSQ K</translation>
    </message>
    <message>
        <source>Give VQ as many codes as FSQ (∏L)</source>
        <translation>让 VQ 与 FSQ 的码字数相同（∏L）</translation>
    </message>
    <message>
        <source>VQ codebook size</source>
        <translation>VQ 码本大小</translation>
    </message>
    <message>
        <source>VQ codes K when not matched (≤ N)</source>
        <translation>不匹配时 VQ 的码字数 K（≤ N）</translation>
    </message>
    <message>
        <source>VQ training</source>
        <translation>VQ 训练</translation>
    </message>
    <message>
        <source>k-means (Lloyd)</source>
        <translation>k-means（Lloyd）</translation>
    </message>
    <message>
        <source>Online EMA</source>
        <translation>在线 EMA</translation>
    </message>
    <message>
        <source>Batch Lloyd iterations or online EMA codebook</source>
        <translation>批量 Lloyd 迭代或在线 EMA 码本</translation>
    </message>
    <message>
        <source>VQ init</source>
        <translation>VQ 初始化</translation>
    </message>
    <message>
        <source>k-means++</source>
        <translation>k-means++</translation>
    </message>
    <message>
        <source>Random data rows</source>
        <translation>随机数据行</translation>
    </message>
    <message>
        <source>Tiny N(0, 0.02²)</source>
        <translation>极小 N(0, 0.02²)</translation>
    </message>
    <message>
        <source>Initial codebook; tiny init shows EMA collapse</source>
        <translation>初始码本；极小初始化会显示 EMA 坍缩</translation>
    </message>
    <message>
        <source>Lloyd iterations</source>
        <translation>Lloyd 迭代次数</translation>
    </message>
    <message>
        <source>Lloyd iterations after the init</source>
        <translation>初始化之后的 Lloyd 迭代次数</translation>
    </message>
    <message>
        <source>EMA steps</source>
        <translation>EMA 步数</translation>
    </message>
    <message>
        <source>Online EMA steps (batches of 256, γ = 0.99)</source>
        <translation>在线 EMA 步数（批大小 256，γ = 0.99）</translation>
    </message>
    <message>
        <source>Dead-code restart</source>
        <translation>死码字重启</translation>
    </message>
    <message>
        <source>EMA: codes whose count falls below the threshold restart at a batch point (checked every 10 steps)</source>
        <translation>EMA：计数低于阈值的码字重启到批内的一个数据点（每 10 步检查一次）</translation>
    </message>
    <message>
        <source>Restart threshold</source>
        <translation>重启阈值</translation>
    </message>
    <message>
        <source>EMA count N_j below which a code is dead</source>
        <translation>EMA 计数 N_j 低于此值的码字视为死码字</translation>
    </message>
    <message>
        <source>FSQ precision</source>
        <translation>FSQ 精度</translation>
    </message>
    <message>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <source>bf16</source>
        <translation>bf16</translation>
    </message>
    <message>
        <source>fp16</source>
        <translation>fp16</translation>
    </message>
    <message>
        <source>Emulate a float index path in this format (vector-quantize-pytorch issue #114)</source>
        <translation>以此格式模拟浮点索引路径（vector-quantize-pytorch issue #114）</translation>
    </message>
    <message>
        <source>Plane (3-D)</source>
        <translation>平面（3-D）</translation>
    </message>
    <message>
        <source>x1–x2</source>
        <translation>x1–x2</translation>
    </message>
    <message>
        <source>x1–x3</source>
        <translation>x1–x3</translation>
    </message>
    <message>
        <source>x2–x3</source>
        <translation>x2–x3</translation>
    </message>
    <message>
        <source>3-D: coordinates drawn; the third one is sliced</source>
        <translation>3-D：绘制的两个坐标；第三个坐标取切片</translation>
    </message>
    <message>
        <source>Slice (3-D)</source>
        <translation>切片（3-D）</translation>
    </message>
    <message>
        <source>3-D: third coordinate of the cell images</source>
        <translation>3-D：格子图像的第三个坐标</translation>
    </message>
    <message>
        <source>Seed of the points, the VQ init and the EMA batches</source>
        <translation>数据点、VQ 初始化和 EMA 批的随机种子</translation>
    </message>
    <message>
        <source>FSQ grid</source>
        <translation>FSQ 网格</translation>
    </message>
    <message>
        <source>VQ Voronoi</source>
        <translation>VQ Voronoi 图</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>Usage vs K</source>
        <translation>利用率–K</translation>
    </message>
    <message>
        <source>Shown iteration</source>
        <translation>显示的迭代</translation>
    </message>
    <message>
        <source>VQ codebook after this many Lloyd iterations or EMA steps (the last one when larger); a view setting, no retraining</source>
        <translation>经过这么多次 Lloyd 迭代或 EMA 步后的 VQ 码本（超出时取最后一次）；仅为视图设置，不重新训练</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Astronaut (sample)</source>
        <translation>宇航员（样例）</translation>
    </message>
    <message>
        <source>Coffee (sample)</source>
        <translation>咖啡（样例）</translation>
    </message>
    <message>
        <source>Opened file</source>
        <translation>打开的文件</translation>
    </message>
    <message>
        <source>Bundled sample, or the file opened with the toolbar / drag-and-drop</source>
        <translation>内置样例，或通过工具栏/拖放打开的文件</translation>
    </message>
    <message>
        <source>Bit budget (codes)</source>
        <translation>比特预算（码字数）</translation>
    </message>
    <message>
        <source>2^4 codes [5,3]</source>
        <translation>2^4 个码字 [5,3]</translation>
    </message>
    <message>
        <source>2^6 codes [8,8]</source>
        <translation>2^6 个码字 [8,8]</translation>
    </message>
    <message>
        <source>2^8 codes [8,6,5]</source>
        <translation>2^8 个码字 [8,6,5]</translation>
    </message>
    <message>
        <source>2^9 codes [8,8,8]</source>
        <translation>2^9 个码字 [8,8,8]</translation>
    </message>
    <message>
        <source>2^10 codes [8,5,5,5]</source>
        <translation>2^10 个码字 [8,5,5,5]</translation>
    </message>
    <message>
        <source>2^11 codes [8,8,6,5]</source>
        <translation>2^11 个码字 [8,8,6,5]</translation>
    </message>
    <message>
        <source>2^12 codes [7,5,5,5,5]</source>
        <translation>2^12 个码字 [7,5,5,5,5]</translation>
    </message>
    <message>
        <source>2^14 codes [8,8,8,6,5]</source>
        <translation>2^14 个码字 [8,8,8,6,5]</translation>
    </message>
    <message>
        <source>2^16 codes [8,8,8,5,5,5]</source>
        <translation>2^16 个码字 [8,8,8,5,5,5]</translation>
    </message>
    <message>
        <source>Target codebook size 2^b with the FSQ paper&apos;s levels (Table 1, App. A.4.1); VQ gets the same number of codes ∏L</source>
        <translation>目标码本大小 2^b，各维级数取自 FSQ 论文（表 1，附录 A.4.1）；VQ 取相同的码字数 ∏L</translation>
    </message>
    <message>
        <source>Patch size P</source>
        <translation>图块大小 P</translation>
    </message>
    <message>
        <source>Side of the square patches (tier A): P = 4 gives 16384 patches on a 512×512 image, P = 8 gives 4096</source>
        <translation>正方形图块的边长（A 档）：P = 4 时 512×512 图像有 16384 个图块，P = 8 时有 4096 个</translation>
    </message>
    <message>
        <source>FSQ input z = α·y/√λ on whitened PCA latents: small α uses few levels, large α saturates</source>
        <translation>FSQ 输入 z = α·y/√λ（作用于白化的 PCA 隐变量）：α 小则只用到少数几级，α 大则饱和</translation>
    </message>
    <message>
        <source>FSQ decoder</source>
        <translation>FSQ 解码器</translation>
    </message>
    <message>
        <source>Analytic inverse bound</source>
        <translation>界函数的解析逆</translation>
    </message>
    <message>
        <source>Centroid (cell mean)</source>
        <translation>质心（单元均值）</translation>
    </message>
    <message>
        <source>Linear least squares</source>
        <translation>线性最小二乘</translation>
    </message>
    <message>
        <source>How FSQ codes become patches: the bound&apos;s inverse at the cell centre, the mean patch of each cell (MSE-optimal), or x̂ = Wẑ + b fitted in closed form</source>
        <translation>FSQ 码字如何变回图块：在单元中心处取界函数的逆、取每个单元的平均图块（MSE 最优），或闭式拟合 x̂ = Wẑ + b</translation>
    </message>
    <message>
        <source>k-means steps after k-means++ seeding (VQ)</source>
        <translation>k-means++ 初始化之后的 k-means 步数（VQ）</translation>
    </message>
    <message>
        <source>Seed of k-means++ and of the pixel sample (tier B)</source>
        <translation>k-means++ 与像素采样的随机种子（B 档）</translation>
    </message>
    <message>
        <source>Patch PCA (tier A)</source>
        <translation>图块 PCA（A 档）</translation>
    </message>
    <message>
        <source>Colour (tier B)</source>
        <translation>颜色（B 档）</translation>
    </message>
    <message>
        <source>Rate–distortion</source>
        <translation>率失真</translation>
    </message>
    <message>
        <source>Training (tier C)</source>
        <translation>训练（C 档）</translation>
    </message>
    <message>
        <source>Which comparison to show and export</source>
        <translation>显示并导出哪种对比</translation>
    </message>
    <message>
        <source>Training steps</source>
        <translation>训练步数</translation>
    </message>
    <message>
        <source>Adam steps per model in the tier C training run</source>
        <translation>C 档训练中每个模型的 Adam 步数</translation>
    </message>
    <message>
        <source>Batch (patches)</source>
        <translation>批大小（图块）</translation>
    </message>
    <message>
        <source>Patches per mini-batch (tier C)</source>
        <translation>每个小批的图块数（C 档）</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Adam step size (tier C)</source>
        <translation>Adam 步长（C 档）</translation>
    </message>
    <message>
        <source>Commitment β</source>
        <translation>承诺损失 β</translation>
    </message>
    <message>
        <source>VQ commitment weight: β‖z − sg[e]‖² pulls the encoder towards its codes (tier C, VQ only)</source>
        <translation>VQ 承诺损失权重：β‖z − sg[e]‖² 把编码器拉向其码字（C 档，仅 VQ）</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维数</translation>
    </message>
    <message>
        <source>1-D</source>
        <translation>一维</translation>
    </message>
    <message>
        <source>2-D</source>
        <translation>二维</translation>
    </message>
    <message>
        <source>1-D: curves; 2-D: density heat map with particles</source>
        <translation>一维：曲线；二维：密度热力图与粒子</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>漂移</translation>
    </message>
    <message>
        <source>Ornstein–Uhlenbeck</source>
        <translation>Ornstein–Uhlenbeck</translation>
    </message>
    <message>
        <source>Rotating OU</source>
        <translation>旋转 OU</translation>
    </message>
    <message>
        <source>Double well</source>
        <translation>双势阱</translation>
    </message>
    <message>
        <source>VP schedule</source>
        <translation>VP 噪声调度</translation>
    </message>
    <message>
        <source>Pure diffusion</source>
        <translation>纯扩散</translation>
    </message>
    <message>
        <source>None (f = 0, g = 0)</source>
        <translation>无（f = 0，g = 0）</translation>
    </message>
    <message>
        <source>Drift preset f_t(x)</source>
        <translation>漂移预设 f_t(x)</translation>
    </message>
    <message>
        <source>θ</source>
        <translation>θ</translation>
    </message>
    <message>
        <source>OU rate: f = −θx (rotating: −θI + ωJ)</source>
        <translation>OU 速率：f = −θx（旋转：−θI + ωJ）</translation>
    </message>
    <message>
        <source>ω</source>
        <translation>ω</translation>
    </message>
    <message>
        <source>Rotation rate of the 2-D rotating OU</source>
        <translation>二维旋转 OU 的旋转速率</translation>
    </message>
    <message>
        <source>β_min</source>
        <translation>β_min</translation>
    </message>
    <message>
        <source>VP: β(t) = β_min + (β_max − β_min)t</source>
        <translation>VP：β(t) = β_min + (β_max − β_min)t</translation>
    </message>
    <message>
        <source>β_max</source>
        <translation>β_max</translation>
    </message>
    <message>
        <source>VP: β at t = 1</source>
        <translation>VP：t = 1 时的 β</translation>
    </message>
    <message>
        <source>Noise g</source>
        <translation>噪声 g</translation>
    </message>
    <message>
        <source>Diffusion coefficient Dc = g²/2</source>
        <translation>扩散系数 Dc = g²/2</translation>
    </message>
    <message>
        <source>σ (right family)</source>
        <translation>σ（右侧族）</translation>
    </message>
    <message>
        <source>σ-SDE noise, clipped to [0, g]; σ = 0 is the probability-flow ODE</source>
        <translation>σ-SDE 的噪声，截断到 [0, g]；σ = 0 即概率流 ODE</translation>
    </message>
    <message>
        <source>Score ∇log p</source>
        <translation>得分 ∇log p</translation>
    </message>
    <message>
        <source>Closed form (Gaussian cases)</source>
        <translation>闭式解（高斯情形）</translation>
    </message>
    <message>
        <source>Grid estimate</source>
        <translation>网格估计</translation>
    </message>
    <message>
        <source>Score of the σ-family: −(x − m(t))/v(t) of the Gaussian marginal when the drift is linear and p_0 is one Gaussian (OU, rotating OU, VP, pure diffusion), else the grid&apos;s central differences</source>
        <translation>σ 族的得分：当漂移为线性且 p_0 为单个高斯时（OU、旋转 OU、VP、纯扩散），取高斯边缘分布的 −(x − m(t))/v(t)，否则用网格上的中心差分</translation>
    </message>
    <message>
        <source>ODE integrator</source>
        <translation>ODE 积分器</translation>
    </message>
    <message>
        <source>Euler (1st order)</source>
        <translation>Euler（一阶）</translation>
    </message>
    <message>
        <source>Heun (2nd order)</source>
        <translation>Heun（二阶）</translation>
    </message>
    <message>
        <source>RK4 (4th order)</source>
        <translation>RK4（四阶）</translation>
    </message>
    <message>
        <source>Integrator of the σ-family when it has no noise (σ = 0: the probability-flow ODE); σ &gt; 0 uses Euler–Maruyama</source>
        <translation>σ 族无噪声时（σ = 0：概率流 ODE）所用的积分器；σ &gt; 0 时用 Euler–Maruyama</translation>
    </message>
    <message>
        <source>Initial density</source>
        <translation>初始密度</translation>
    </message>
    <message>
        <source>Gaussian N(m0, v0)</source>
        <translation>高斯 N(m0, v0)</translation>
    </message>
    <message>
        <source>Two bumps ±m0</source>
        <translation>双峰 ±m0</translation>
    </message>
    <message>
        <source>Point mass at m0</source>
        <translation>位于 m0 的点质量</translation>
    </message>
    <message>
        <source>p_0; a point mass is a Gaussian a quarter cell wide</source>
        <translation>p_0；点质量用宽为四分之一网格单元的高斯表示</translation>
    </message>
    <message>
        <source>m0 x</source>
        <translation>m0 x</translation>
    </message>
    <message>
        <source>Initial mean, first coordinate</source>
        <translation>初始均值，第一个坐标</translation>
    </message>
    <message>
        <source>m0 y</source>
        <translation>m0 y</translation>
    </message>
    <message>
        <source>Initial mean, second coordinate (2-D)</source>
        <translation>初始均值，第二个坐标（二维）</translation>
    </message>
    <message>
        <source>v0</source>
        <translation>v0</translation>
    </message>
    <message>
        <source>Initial variance per axis</source>
        <translation>每个轴的初始方差</translation>
    </message>
    <message>
        <source>Particles N</source>
        <translation>粒子数 N</translation>
    </message>
    <message>
        <source>Particles per family (SDE and σ-SDE)</source>
        <translation>每族的粒子数（SDE 与 σ-SDE）</translation>
    </message>
    <message>
        <source>Grid cells n</source>
        <translation>网格单元数 n</translation>
    </message>
    <message>
        <source>Cells per axis</source>
        <translation>每轴单元数</translation>
    </message>
    <message>
        <source>Box half-width</source>
        <translation>区域半宽</translation>
    </message>
    <message>
        <source>Grid box [−L, L]^d</source>
        <translation>网格区域 [−L, L]^d</translation>
    </message>
    <message>
        <source>Flux scheme</source>
        <translation>通量格式</translation>
    </message>
    <message>
        <source>MUSCL-MC + SSP-RK2</source>
        <translation>MUSCL-MC + SSP-RK2</translation>
    </message>
    <message>
        <source>Scharfetter–Gummel</source>
        <translation>Scharfetter–Gummel</translation>
    </message>
    <message>
        <source>1st-order upwind</source>
        <translation>一阶迎风</translation>
    </message>
    <message>
        <source>Upwind is kept only to show numerical diffusion ≈ |f|h/2</source>
        <translation>保留迎风格式仅为展示数值扩散 ≈ |f|h/2</translation>
    </message>
    <message>
        <source>CFL safety C</source>
        <translation>CFL 安全系数 C</translation>
    </message>
    <message>
        <source>Δt = C / Σ_axes(2 max|f|/h + 2Dc/h²); 0.45 for MUSCL, 0.9 for SG</source>
        <translation>Δt = C / Σ_axes(2 max|f|/h + 2Dc/h²)；MUSCL 取 0.45，SG 取 0.9</translation>
    </message>
    <message>
        <source>Fixed Δt (0 = auto)</source>
        <translation>固定 Δt（0 = 自动）</translation>
    </message>
    <message>
        <source>Fixed time step; must not exceed the CFL bound</source>
        <translation>固定时间步长；不得超过 CFL 上界</translation>
    </message>
    <message>
        <source>Final time T</source>
        <translation>终止时间 T</translation>
    </message>
    <message>
        <source>Simulated time</source>
        <translation>模拟时长</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <source>Cached frames for the time slider</source>
        <translation>时间滑块所缓存的帧数</translation>
    </message>
    <message>
        <source>Trajectories</source>
        <translation>轨迹</translation>
    </message>
    <message>
        <source>Particle paths drawn over the density</source>
        <translation>叠加在密度上的粒子路径</translation>
    </message>
    <message>
        <source>Test function φ</source>
        <translation>检验函数 φ</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>x²</source>
        <translation>x²</translation>
    </message>
    <message>
        <source>cos kx</source>
        <translation>cos kx</translation>
    </message>
    <message>
        <source>Gaussian bump at k</source>
        <translation>位于 k 的高斯峰</translation>
    </message>
    <message>
        <source>φ for the (WF) check, on the first coordinate</source>
        <translation>用于（WF）检验的 φ，作用于第一个坐标</translation>
    </message>
    <message>
        <source>cos kx frequency, or the bump&apos;s centre</source>
        <translation>cos kx 的频率，或高斯峰的中心</translation>
    </message>
    <message>
        <source>Seed of the particles (both families share it)</source>
        <translation>粒子的随机种子（两族共用）</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>Time slider: cached frame shown (past the last: the last)</source>
        <translation>时间滑块：显示的缓存帧（超过最后一帧则显示最后一帧）</translation>
    </message>
    <message>
        <source>Density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>SDE vs σ-SDE</source>
        <translation>SDE 与 σ-SDE</translation>
    </message>
    <message>
        <source>Read-outs</source>
        <translation>读数</translation>
    </message>
    <message>
        <source>Test-function check</source>
        <translation>检验函数校验</translation>
    </message>
    <message>
        <source>Residual vs Δt</source>
        <translation>残差随 Δt 的变化</translation>
    </message>
    <message>
        <source>Source p0</source>
        <translation>源分布 p0</translation>
    </message>
    <message>
        <source>N(0, s0² I)</source>
        <translation>N(0, s0² I)</translation>
    </message>
    <message>
        <source>Tutorial triangle</source>
        <translation>教程三角形</translation>
    </message>
    <message>
        <source>Noise distribution at t = 0</source>
        <translation>t = 0 时的噪声分布</translation>
    </message>
    <message>
        <source>s0</source>
        <translation>s0</translation>
    </message>
    <message>
        <source>Standard deviation of the Gaussian source</source>
        <translation>高斯源分布的标准差</translation>
    </message>
    <message>
        <source>Target p1</source>
        <translation>目标分布 p1</translation>
    </message>
    <message>
        <source>8 Gaussians</source>
        <translation>8 个高斯</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <source>Drawn points</source>
        <translation>手绘点</translation>
    </message>
    <message>
        <source>Image density</source>
        <translation>图像密度</translation>
    </message>
    <message>
        <source>Data distribution at t = 1</source>
        <translation>t = 1 时的数据分布</translation>
    </message>
    <message>
        <source>Mode std</source>
        <translation>模式标准差</translation>
    </message>
    <message>
        <source>Std of each of the 8 Gaussians (0.1, option 0.2)</source>
        <translation>8 个高斯各自的标准差（0.1，可选 0.2）</translation>
    </message>
    <message>
        <source>Kernel width s1</source>
        <translation>核宽度 s1</translation>
    </message>
    <message>
        <source>Point-set targets: each point becomes N(y, s1² I); 0 memorises the points exactly</source>
        <translation>点集目标：每个点变为 N(y, s1² I)；0 表示精确记住这些点</translation>
    </message>
    <message>
        <source>Target points</source>
        <translation>目标点数</translation>
    </message>
    <message>
        <source>Points drawn for the moons, checkerboard and image targets</source>
        <translation>双月、棋盘格与图像目标的采样点数</translation>
    </message>
    <message>
        <source>Image mass</source>
        <translation>图像质量分布</translation>
    </message>
    <message>
        <source>Dark = mass</source>
        <translation>暗 = 质量</translation>
    </message>
    <message>
        <source>Bright = mass</source>
        <translation>亮 = 质量</translation>
    </message>
    <message>
        <source>Image target: grey levels as probability, dark or bright pixels carrying the mass</source>
        <translation>图像目标：灰度作为概率，由暗像素或亮像素承载质量</translation>
    </message>
    <message>
        <source>Drawn target: x1, y1, x2, y2, … (click the canvas to add points)</source>
        <translation>手绘目标：x1, y1, x2, y2, …（点击画布添加点）</translation>
    </message>
    <message>
        <source>Particles</source>
        <translation>粒子</translation>
    </message>
    <message>
        <source>Particles integrated from t = 0 to 1</source>
        <translation>从 t = 0 积分到 1 的粒子数</translation>
    </message>
    <message>
        <source>Steps N</source>
        <translation>步数 N</translation>
    </message>
    <message>
        <source>Solver steps, h = 1/N</source>
        <translation>求解器步数，h = 1/N</translation>
    </message>
    <message>
        <source>Solver</source>
        <translation>求解器</translation>
    </message>
    <message>
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <source>Heun</source>
        <translation>Heun</translation>
    </message>
    <message>
        <source>RK4</source>
        <translation>RK4</translation>
    </message>
    <message>
        <source>ODE integrator (1, 2 or 4 evaluations per step)</source>
        <translation>ODE 积分器（每步 1、2 或 4 次求值）</translation>
    </message>
    <message>
        <source>Time t</source>
        <translation>时间 t</translation>
    </message>
    <message>
        <source>Time of the heat map ρ_t, the arrows and the particles</source>
        <translation>热力图 ρ_t、箭头与粒子所处的时间</translation>
    </message>
    <message>
        <source>Paths drawn from t = 0 to 1</source>
        <translation>绘制的路径条数（从 t = 0 到 1）</translation>
    </message>
    <message>
        <source>Arrow lattice</source>
        <translation>箭头网格</translation>
    </message>
    <message>
        <source>Velocity arrows per side of the lattice (0: none)</source>
        <translation>网格每边的速度箭头数（0：不画）</translation>
    </message>
    <message>
        <source>Reflow pairs</source>
        <translation>Reflow 配对数</translation>
    </message>
    <message>
        <source>(z0, z1) pairs simulated for each reflow round</source>
        <translation>每轮 reflow 模拟的 (z0, z1) 配对数</translation>
    </message>
    <message>
        <source>Reflow rounds</source>
        <translation>Reflow 轮数</translation>
    </message>
    <message>
        <source>k-rectified flows k = 1..rounds (rounds chart)</source>
        <translation>k 次整流流，k = 1..rounds（轮数图表）</translation>
    </message>
    <message>
        <source>Velocity k ≥ 2</source>
        <translation>速度场（k ≥ 2）</translation>
    </message>
    <message>
        <source>RFF ridge</source>
        <translation>RFF 岭回归</translation>
    </message>
    <message>
        <source>MLP (Adam)</source>
        <translation>MLP（Adam）</translation>
    </message>
    <message>
        <source>NW kernel</source>
        <translation>NW 核回归</translation>
    </message>
    <message>
        <source>How reflow rounds fit v on the pairs; 1-RF is exact</source>
        <translation>各轮 reflow 如何在配对上拟合 v；1-RF 是精确的</translation>
    </message>
    <message>
        <source>RFF features M</source>
        <translation>RFF 特征数 M</translation>
    </message>
    <message>
        <source>Random Fourier features of the ridge velocity</source>
        <translation>岭回归速度场的随机傅里叶特征数</translation>
    </message>
    <message>
        <source>RFF length ℓ</source>
        <translation>RFF 长度尺度 ℓ</translation>
    </message>
    <message>
        <source>Length scale of the features in x-units</source>
        <translation>特征的长度尺度（以 x 为单位）</translation>
    </message>
    <message>
        <source>Ridge δ</source>
        <translation>岭参数 δ</translation>
    </message>
    <message>
        <source>Ridge added to E[ψψᵀ]</source>
        <translation>加到 E[ψψᵀ] 上的岭项</translation>
    </message>
    <message>
        <source>MLP width</source>
        <translation>MLP 宽度</translation>
    </message>
    <message>
        <source>Hidden units of both layers of [x; t] → H → H → 2</source>
        <translation>[x; t] → H → H → 2 中两个隐藏层的单元数</translation>
    </message>
    <message>
        <source>MLP iterations</source>
        <translation>MLP 迭代次数</translation>
    </message>
    <message>
        <source>Adam steps per reflow round (batch 256)</source>
        <translation>每轮 reflow 的 Adam 步数（批大小 256）</translation>
    </message>
    <message>
        <source>MLP learning rate</source>
        <translation>MLP 学习率</translation>
    </message>
    <message>
        <source>Adam step size</source>
        <translation>Adam 步长</translation>
    </message>
    <message>
        <source>Kernel width h</source>
        <translation>核宽度 h</translation>
    </message>
    <message>
        <source>Nadaraya–Watson bandwidth: v = Σ K_h(x − x_t^i)(x1^i − x0^i) / Σ K_h(x − x_t^i)</source>
        <translation>Nadaraya–Watson 带宽：v = Σ K_h(x − x_t^i)(x1^i − x0^i) / Σ K_h(x − x_t^i)</translation>
    </message>
    <message>
        <source>Seed of particles, targets, pairs and features</source>
        <translation>粒子、目标、配对与特征的随机种子</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流</translation>
    </message>
    <message>
        <source>Crossing pairs</source>
        <translation>交叉配对</translation>
    </message>
    <message>
        <source>1-RF vs 2-RF</source>
        <translation>1-RF 与 2-RF</translation>
    </message>
    <message>
        <source>Quality vs NFE</source>
        <translation>质量随 NFE 的变化</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>变体</translation>
    </message>
    <message>
        <source>Gradient field, t dropped (Su)</source>
        <translation>梯度场，去掉 t（苏剑林）</translation>
    </message>
    <message>
        <source>Free vector field, t dropped</source>
        <translation>自由向量场，去掉 t</translation>
    </message>
    <message>
        <source>t = 0 slice</source>
        <translation>t = 0 切片</translation>
    </message>
    <message>
        <source>WGAN-GP (1-centred, MLP)</source>
        <translation>WGAN-GP（以 1 为中心，MLP）</translation>
    </message>
    <message>
        <source>Variants: Su&apos;s 0-centred critic (kexue.fm/archives/9668); an RFF least-squares field without the gradient constraint; the time-dependent field at t = 0 (collapses to the data mean); WGAN-GP&apos;s 1-centred penalty with the MLP critic</source>
        <translation>变体：苏剑林的以 0 为中心的判别器（critic）（kexue.fm/archives/9668）；不带梯度约束的 RFF 最小二乘场；t = 0 处的含时场（坍缩到数据均值）；WGAN-GP 以 1 为中心的惩罚配合 MLP 判别器</translation>
    </message>
    <message>
        <source>Critic</source>
        <translation>判别器</translation>
    </message>
    <message>
        <source>RFF closed form</source>
        <translation>RFF 闭式解</translation>
    </message>
    <message>
        <source>MLP by Adam</source>
        <translation>MLP（Adam 训练）</translation>
    </message>
    <message>
        <source>Gradient variant: random Fourier features solved in closed form, or a one-hidden-layer tanh MLP trained by Adam</source>
        <translation>梯度变体：闭式求解的随机傅里叶特征，或用 Adam 训练的单隐藏层 tanh MLP</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>8 Gaussians (std 0.1)</source>
        <translation>8 个高斯（标准差 0.1）</translation>
    </message>
    <message>
        <source>8 Gaussians (std 0.2)</source>
        <translation>8 个高斯（标准差 0.2）</translation>
    </message>
    <message>
        <source>Real data. The tutorial triangle (D = 10, variance 0.3) is 10 units out: the view widens to fit it, and a smoother critic (ℓ ≈ 2) suits its scale. Drawn: click and drag on the canvas</source>
        <translation>真实数据。教程三角形（D = 10，方差 0.3）位于 10 个单位之外：视图会放大以容纳它，更光滑的判别器（ℓ ≈ 2）更适合其尺度。手绘：在画布上点击并拖动</translation>
    </message>
    <message>
        <source>Drawn target: x1, y1, x2, y2, … (click and drag on the canvas to add points; each is a N(·, 0.05² I) bump)</source>
        <translation>手绘目标：x1, y1, x2, y2, …（在画布上点击并拖动以添加点；每个点是一个 N(·, 0.05² I) 峰）</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动对象</translation>
    </message>
    <message>
        <source>Generator G(z)</source>
        <translation>生成器 G(z)</translation>
    </message>
    <message>
        <source>What ∇D moves: free particles x0 ← x0 + ε∇D(x0), or a one-hidden-layer generator x0 = G(z) trained on the (G-move) regression toward x0 + ε∇D(x0) (Su, kexue.fm/archives/9668)</source>
        <translation>∇D 移动的对象：自由粒子 x0 ← x0 + ε∇D(x0)，或单隐藏层生成器 x0 = G(z)，按（G-move）回归向 x0 + ε∇D(x0) 训练（苏剑林，kexue.fm/archives/9668）</translation>
    </message>
    <message>
        <source>Particles, and real samples drawn per round</source>
        <translation>粒子数，以及每轮采样的真实样本数</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Rounds computed (critic fit + particle move each)</source>
        <translation>计算的轮数（每轮：拟合判别器 + 移动粒子）</translation>
    </message>
    <message>
        <source>Initial std</source>
        <translation>初始标准差</translation>
    </message>
    <message>
        <source>Particles start from N(0, std² I)</source>
        <translation>粒子从 N(0, std² I) 出发</translation>
    </message>
    <message>
        <source>Step ε</source>
        <translation>步长 ε</translation>
    </message>
    <message>
        <source>Particle step x0 ← x0 + ε∇D(x0); ε and λ trade off one-for-one</source>
        <translation>粒子步 x0 ← x0 + ε∇D(x0)；ε 与 λ 一比一地相互抵换</translation>
    </message>
    <message>
        <source>Penalty weight λ</source>
        <translation>惩罚权重 λ</translation>
    </message>
    <message>
        <source>Weight of the gradient penalty (Su: 1 with the ½; WGAN-GP: 10)</source>
        <translation>梯度惩罚的权重（苏剑林：带 ½ 时取 1；WGAN-GP：10）</translation>
    </message>
    <message>
        <source>Random Fourier features of the closed-form critic / free fields</source>
        <translation>闭式判别器 / 自由场的随机傅里叶特征数</translation>
    </message>
    <message>
        <source>ω ~ N(0, I/ℓ²): smoothness of the RFF critic</source>
        <translation>ω ~ N(0, I/ℓ²)：RFF 判别器的光滑程度</translation>
    </message>
    <message>
        <source>Ridge added to G before the LDLT solve</source>
        <translation>LDLT 求解前加到 G 上的岭项</translation>
    </message>
    <message>
        <source>MLP width H</source>
        <translation>MLP 宽度 H</translation>
    </message>
    <message>
        <source>Hidden tanh units of the MLP</source>
        <translation>MLP 的 tanh 隐藏单元数</translation>
    </message>
    <message>
        <source>Adam lr</source>
        <translation>Adam 学习率</translation>
    </message>
    <message>
        <source>Adam step size (β1 = 0, β2 = 0.9 as in WGAN-GP)</source>
        <translation>Adam 步长（同 WGAN-GP，β1 = 0，β2 = 0.9）</translation>
    </message>
    <message>
        <source>Critic steps</source>
        <translation>判别器步数</translation>
    </message>
    <message>
        <source>Adam steps on the critic per round (n_critic)</source>
        <translation>每轮判别器的 Adam 步数（n_critic）</translation>
    </message>
    <message>
        <source>Re-init critic each round</source>
        <translation>每轮重新初始化判别器</translation>
    </message>
    <message>
        <source>Start the MLP critic afresh every round instead of warm start</source>
        <translation>每轮从头训练 MLP 判别器，而非热启动</translation>
    </message>
    <message>
        <source>Generator width</source>
        <translation>生成器宽度</translation>
    </message>
    <message>
        <source>Hidden tanh units of G(z) = W2 tanh(W1 z + b1) + b2, z ~ N(0, I₂)</source>
        <translation>G(z) = W2 tanh(W1 z + b1) + b2 的 tanh 隐藏单元数，z ~ N(0, I₂)</translation>
    </message>
    <message>
        <source>Generator lr</source>
        <translation>生成器学习率</translation>
    </message>
    <message>
        <source>Adam step size of the generator (β1 = 0.9, β2 = 0.999)</source>
        <translation>生成器的 Adam 步长（β1 = 0.9，β2 = 0.999）</translation>
    </message>
    <message>
        <source>Generator steps K_g</source>
        <translation>生成器步数 K_g</translation>
    </message>
    <message>
        <source>Adam steps per round on ½‖G(z) − sg[G(z) + ε∇D(G(z))]‖² (K_g = 1 is one WGAN generator step on −D)</source>
        <translation>每轮在 ½‖G(z) − sg[G(z) + ε∇D(G(z))]‖² 上的 Adam 步数（K_g = 1 即在 −D 上做一步 WGAN 生成器更新）</translation>
    </message>
    <message>
        <source>Seed of every random draw (same seed, same run)</source>
        <translation>所有随机抽样的随机种子（种子相同，运行结果相同）</translation>
    </message>
    <message>
        <source>View half-width</source>
        <translation>视图半宽</translation>
    </message>
    <message>
        <source>The field view shows [−box, box]²</source>
        <translation>场视图显示 [−box, box]²</translation>
    </message>
    <message>
        <source>Round shown</source>
        <translation>显示的轮次</translation>
    </message>
    <message>
        <source>Cached round to show (0 = start; clamped to the rounds computed)</source>
        <translation>要显示的缓存轮次（0 = 起点；限制在已计算的轮数内）</translation>
    </message>
    <message>
        <source>Show interpolants</source>
        <translation>显示插值点</translation>
    </message>
    <message>
        <source>Draw the x_t where the penalty acts</source>
        <translation>绘制惩罚所作用的 x_t</translation>
    </message>
    <message>
        <source>Show ∇D arrows</source>
        <translation>显示 ∇D 箭头</translation>
    </message>
    <message>
        <source>Draw the critic&apos;s field</source>
        <translation>绘制判别器的场</translation>
    </message>
    <message>
        <source>Show exact v*(x, 0)</source>
        <translation>显示精确的 v*(x, 0)</translation>
    </message>
    <message>
        <source>Overlay the exact ReFlow velocity at t = 0 (= E[x1] − x) in a second arrow colour</source>
        <translation>用第二种箭头颜色叠加 t = 0 处精确的 ReFlow 速度场（= E[x1] − x）</translation>
    </message>
    <message>
        <source>Critic field</source>
        <translation>判别器场</translation>
    </message>
    <message>
        <source>Charts over rounds</source>
        <translation>各轮图表</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>主干</translation>
    </message>
    <message>
        <source>T5-small</source>
        <translation>T5-small</translation>
    </message>
    <message>
        <source>T5-base</source>
        <translation>T5-base</translation>
    </message>
    <message>
        <source>T5-large</source>
        <translation>T5-large</translation>
    </message>
    <message>
        <source>T5-3B</source>
        <translation>T5-3B</translation>
    </message>
    <message>
        <source>BERT-base</source>
        <translation>BERT-base</translation>
    </message>
    <message>
        <source>GPT-2 small</source>
        <translation>GPT-2 small</translation>
    </message>
    <message>
        <source>GPT-2 medium</source>
        <translation>GPT-2 medium</translation>
    </message>
    <message>
        <source>7B decoder (LLaMA-7B)</source>
        <translation>7B 解码器（LLaMA-7B）</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Backbone preset; &apos;Custom&apos; uses the fields below</source>
        <translation>主干预设；“自定义”使用下方的字段</translation>
    </message>
    <message>
        <source>Custom family</source>
        <translation>自定义架构族</translation>
    </message>
    <message>
        <source>T5 (encoder–decoder)</source>
        <translation>T5（编码器–解码器）</translation>
    </message>
    <message>
        <source>BERT (encoder)</source>
        <translation>BERT（编码器）</translation>
    </message>
    <message>
        <source>GPT-2 (decoder)</source>
        <translation>GPT-2（解码器）</translation>
    </message>
    <message>
        <source>LLaMA (decoder, gated FFN)</source>
        <translation>LLaMA（解码器，门控 FFN）</translation>
    </message>
    <message>
        <source>Block structure of the custom backbone</source>
        <translation>自定义主干的块结构</translation>
    </message>
    <message>
        <source>Layers L</source>
        <translation>层数 L</translation>
    </message>
    <message>
        <source>Layers per stack (custom)</source>
        <translation>每个堆栈的层数（自定义）</translation>
    </message>
    <message>
        <source>Width h</source>
        <translation>宽度 h</translation>
    </message>
    <message>
        <source>Hidden size d_model (custom)</source>
        <translation>隐藏层大小 d_model（自定义）</translation>
    </message>
    <message>
        <source>FFN size f</source>
        <translation>FFN 大小 f</translation>
    </message>
    <message>
        <source>FFN inner size (custom)</source>
        <translation>FFN 内部维度（自定义）</translation>
    </message>
    <message>
        <source>Heads a</source>
        <translation>头数 a</translation>
    </message>
    <message>
        <source>Attention heads (custom)</source>
        <translation>注意力头数（自定义）</translation>
    </message>
    <message>
        <source>Head size d_k</source>
        <translation>头大小 d_k</translation>
    </message>
    <message>
        <source>Key/query size per head (custom); inner = a·d_k</source>
        <translation>每个头的 Key/Query 维度（自定义）；inner = a·d_k</translation>
    </message>
    <message>
        <source>Vocabulary V</source>
        <translation>词表 V</translation>
    </message>
    <message>
        <source>Vocabulary (custom)</source>
        <translation>词表大小（自定义）</translation>
    </message>
    <message>
        <source>Source tokens s</source>
        <translation>源 token 数 s</translation>
    </message>
    <message>
        <source>Tokens per sample seen by the encoder / the whole stack</source>
        <translation>编码器 / 整个堆栈看到的每个样本的 token 数</translation>
    </message>
    <message>
        <source>Target tokens t</source>
        <translation>目标 token 数 t</translation>
    </message>
    <message>
        <source>Decoder tokens (T5) or positions scored by the LM head (others)</source>
        <translation>解码器 token 数（T5），或由 LM 头打分的位置数（其他）</translation>
    </message>
    <message>
        <source>Batch b</source>
        <translation>批大小 b</translation>
    </message>
    <message>
        <source>Samples per step</source>
        <translation>每步样本数</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>bf16/fp16 + fp32 master</source>
        <translation>bf16/fp16 + fp32 主副本</translation>
    </message>
    <message>
        <source>Mixed: half weights, grads and activations; fp32 master copy and optimizer state for trained parameters</source>
        <translation>混合精度：权重、梯度与激活值用半精度；可训练参数的 fp32 主副本与优化器状态用 fp32</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Adam / AdamW</source>
        <translation>Adam / AdamW</translation>
    </message>
    <message>
        <source>SGD + momentum</source>
        <translation>SGD + 动量</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>States per trained parameter: 2, 1 or 0 (4 bytes each)</source>
        <translation>每个可训练参数的状态数：2、1 或 0（各 4 字节）</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>δ = 1: dropped copies of attention/FFN tensors and 1-byte masks are kept</source>
        <translation>δ = 1：保留注意力/FFN 张量经 dropout 后的副本及 1 字节掩码</translation>
    </message>
    <message>
        <source>Save frozen-linear inputs</source>
        <translation>保存冻结线性层的输入</translation>
    </message>
    <message>
        <source>Frozen blocks on the gradient path keep their matmul inputs too (E_G → E_T)</source>
        <translation>梯度路径上的冻结块也保存其矩阵乘法输入（E_G → E_T）</translation>
    </message>
    <message>
        <source>Count norm-gain activations</source>
        <translation>计入归一化增益的激活值</translation>
    </message>
    <message>
        <source>Adapter trains the norm gains: + s·b·h per norm (left out of the validation table)</source>
        <translation>Adapter 训练归一化增益：每个归一化层 + s·b·h（未计入验证表格）</translation>
    </message>
    <message>
        <source>Adapter m</source>
        <translation>Adapter m</translation>
    </message>
    <message>
        <source>Adapter bottleneck width (paper: 768/16 = 48)</source>
        <translation>Adapter 瓶颈宽度（论文：768/16 = 48）</translation>
    </message>
    <message>
        <source>LoRA rank ρ</source>
        <translation>LoRA 秩 ρ</translation>
    </message>
    <message>
        <source>LoRA rank (paper: 32)</source>
        <translation>LoRA 秩（论文：32）</translation>
    </message>
    <message>
        <source>LoRA targets</source>
        <translation>LoRA 作用对象</translation>
    </message>
    <message>
        <source>q, v</source>
        <translation>q, v</translation>
    </message>
    <message>
        <source>q, k, v, o</source>
        <translation>q, k, v, o</translation>
    </message>
    <message>
        <source>Projections LoRA adapts in every attention module</source>
        <translation>每个注意力模块中由 LoRA 适配的投影</translation>
    </message>
    <message>
        <source>LoRA + biases</source>
        <translation>LoRA + 偏置</translation>
    </message>
    <message>
        <source>LoRA also trains every linear bias (the LST codebase&apos;s setting)</source>
        <translation>LoRA 同时训练所有线性层的偏置（LST 代码库的设置）</translation>
    </message>
    <message>
        <source>LST reduction r</source>
        <translation>LST 缩减因子 r</translation>
    </message>
    <message>
        <source>Side width h/r, FFN f/r, head size d_k/r (floored)</source>
        <translation>旁路宽度 h/r、FFN f/r、头大小 d_k/r（向下取整）</translation>
    </message>
    <message>
        <source>LST side heads</source>
        <translation>LST 旁路头数</translation>
    </message>
    <message>
        <source>Side heads a_s; 0 = the backbone&apos;s a</source>
        <translation>旁路头数 a_s；0 = 主干的 a</translation>
    </message>
    <message>
        <source>LST layers</source>
        <translation>LST 层</translation>
    </message>
    <message>
        <source>Paper default</source>
        <translation>论文默认</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>全部层</translation>
    </message>
    <message>
        <source>Custom list</source>
        <translation>自定义列表</translation>
    </message>
    <message>
        <source>Side layers kept: paper (T5-base 9 of 12, T5-large odd, T5-3B layer 23), all, or the list below</source>
        <translation>保留的旁路层：论文设置（T5-base 保留 12 层中的 9 层，T5-large 保留奇数层，T5-3B 保留第 23 层）、全部层，或下方的列表</translation>
    </message>
    <message>
        <source>LST kept layers</source>
        <translation>LST 保留层</translation>
    </message>
    <message>
        <source>0-based backbone layers with a side block (custom)</source>
        <translation>带旁路块的主干层（从 0 开始编号，自定义）</translation>
    </message>
    <message>
        <source>Prompt tokens p</source>
        <translation>提示 token 数 p</translation>
    </message>
    <message>
        <source>Trainable prompt length (paper: 100)</source>
        <translation>可训练提示长度（论文：100）</translation>
    </message>
    <message>
        <source>Prompt grad. accumulation</source>
        <translation>提示梯度累积</translation>
    </message>
    <message>
        <source>Prompt micro-batch = ⌈b / this⌉ (paper: 2)</source>
        <translation>提示微批 = ⌈b / 此值⌉（论文：2）</translation>
    </message>
    <message>
        <source>Overhead C₀ (GB)</source>
        <translation>固定开销 C₀（GB）</translation>
    </message>
    <message>
        <source>Framework constant (context, allocator), 10⁹ bytes</source>
        <translation>框架常量（上下文、分配器），单位 10⁹ 字节</translation>
    </message>
    <message>
        <source>Fit C₀ to the paper</source>
        <translation>按论文拟合 C₀</translation>
    </message>
    <message>
        <source>Use the C₀ that best fits the paper&apos;s T5-base figures instead</source>
        <translation>改用最贴合论文 T5-base 数据的 C₀</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>序列长度</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Memory chart: vary s or b</source>
        <translation>显存图表：改变 s 或 b</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>显存</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Paper vs model</source>
        <translation>论文与模型对比</translation>
    </message>
    <message>
        <source>Su&apos;s CLUE</source>
        <translation>苏剑林的 CLUE</translation>
    </message>
    <message>
        <source>Model preset</source>
        <translation>模型预设</translation>
    </message>
    <message>
        <source>CI (L=2, h=32, s=8)</source>
        <translation>CI（L=2, h=32, s=8）</translation>
    </message>
    <message>
        <source>Small (L=3, h=64, s=16)</source>
        <translation>小（L=3, h=64, s=16）</translation>
    </message>
    <message>
        <source>Demo (L=4, h=128, s=32; slow)</source>
        <translation>演示（L=4, h=128, s=32；较慢）</translation>
    </message>
    <message>
        <source>Backbone sizes. CI trains in under a second; demo takes minutes per method</source>
        <translation>主干规模。CI 训练不到一秒；演示每种方法需数分钟</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>A: which source (classification)</source>
        <translation>A：哪个来源（分类）</translation>
    </message>
    <message>
        <source>B: symbol after the query (retrieval)</source>
        <translation>B：查询之后的符号（检索）</translation>
    </message>
    <message>
        <source>A: which Markov source wrote the sequence. B: the symbol that followed the first earlier occurrence of the last symbol (like Su&apos;s MRC drop)</source>
        <translation>A：序列由哪个马尔可夫源生成。B：最后一个符号在前文首次出现处之后的那个符号（类似苏剑林实验中 MRC 任务的掉点）</translation>
    </message>
    <message>
        <source>Full fine-tuning</source>
        <translation>全量微调</translation>
    </message>
    <message>
        <source>Train every weight</source>
        <translation>训练全部权重</translation>
    </message>
    <message>
        <source>Linear probe</source>
        <translation>线性探针</translation>
    </message>
    <message>
        <source>Train the head only</source>
        <translation>仅训练输出头</translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation>Adapter</translation>
    </message>
    <message>
        <source>Bottleneck adapters (m = h/8)</source>
        <translation>瓶颈 Adapter（m = h/8）</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Low-rank updates on W_q and W_v</source>
        <translation>对 W_q 与 W_v 的低秩更新</translation>
    </message>
    <message>
        <source>Ladder side-tuning</source>
        <translation>梯子侧调</translation>
    </message>
    <message>
        <source>Side network on ladders</source>
        <translation>架在梯子上的旁路网络</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Training steps per method and seed</source>
        <translation>每种方法、每个随机种子的训练步数</translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation>评估间隔</translation>
    </message>
    <message>
        <source>Steps between validation evaluations</source>
        <translation>两次验证评估之间的步数</translation>
    </message>
    <message>
        <source>Pre-training steps</source>
        <translation>预训练步数</translation>
    </message>
    <message>
        <source>MLM pre-training steps of the backbone before it is frozen</source>
        <translation>主干冻结前的 MLM 预训练步数</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>随机种子数</translation>
    </message>
    <message>
        <source>Replicates per method (seed, seed+1, …)</source>
        <translation>每种方法的重复次数（seed, seed+1, …）</translation>
    </message>
    <message>
        <source>Training set</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Training sequences</source>
        <translation>训练序列数</translation>
    </message>
    <message>
        <source>Validation set</source>
        <translation>验证集</translation>
    </message>
    <message>
        <source>Validation sequences</source>
        <translation>验证序列数</translation>
    </message>
    <message>
        <source>LR full FT</source>
        <translation>全量微调学习率</translation>
    </message>
    <message>
        <source>Adam learning rate of full fine-tuning</source>
        <translation>全量微调的 Adam 学习率</translation>
    </message>
    <message>
        <source>LR probe</source>
        <translation>探针学习率</translation>
    </message>
    <message>
        <source>Adam learning rate of the linear probe</source>
        <translation>线性探针的 Adam 学习率</translation>
    </message>
    <message>
        <source>LR adapter</source>
        <translation>Adapter 学习率</translation>
    </message>
    <message>
        <source>Adam learning rate of the adapters</source>
        <translation>Adapter 的 Adam 学习率</translation>
    </message>
    <message>
        <source>LR LoRA</source>
        <translation>LoRA 学习率</translation>
    </message>
    <message>
        <source>Adam learning rate of LoRA</source>
        <translation>LoRA 的 Adam 学习率</translation>
    </message>
    <message>
        <source>LR LST</source>
        <translation>LST 学习率</translation>
    </message>
    <message>
        <source>Adam learning rate of the side network (paper 3e-3)</source>
        <translation>旁路网络的 Adam 学习率（论文 3e-3）</translation>
    </message>
    <message>
        <source>LR pre-training</source>
        <translation>预训练学习率</translation>
    </message>
    <message>
        <source>Adam learning rate of MLM pre-training</source>
        <translation>MLM 预训练的 Adam 学习率</translation>
    </message>
    <message>
        <source>Side widths h/r, f/r, d_k/r; 0 = the preset&apos;s r (CI 4, demo 8)</source>
        <translation>旁路宽度 h/r、f/r、d_k/r；0 = 预设的 r（CI 为 4，演示为 8）</translation>
    </message>
    <message>
        <source>LST side layers k</source>
        <translation>LST 旁路层数 k</translation>
    </message>
    <message>
        <source>Side blocks kept (layer dropping); 0 = one per backbone layer</source>
        <translation>保留的旁路块数（层丢弃）；0 = 每个主干层一个</translation>
    </message>
    <message>
        <source>LST initialisation</source>
        <translation>LST 初始化</translation>
    </message>
    <message>
        <source>Random N(0, 1/fan_in)</source>
        <translation>随机 N(0, 1/fan_in)</translation>
    </message>
    <message>
        <source>Pruned (Fisher importance)</source>
        <translation>剪枝（Fisher 重要性）</translation>
    </message>
    <message>
        <source>Pruned (weight magnitude)</source>
        <translation>剪枝（权重幅值）</translation>
    </message>
    <message>
        <source>How the side blocks start (pruned init: Sung et al. 2022)</source>
        <translation>旁路块的初始化方式（剪枝初始化：Sung 等，2022）</translation>
    </message>
    <message>
        <source>Seed of data, pre-training and initialisation</source>
        <translation>数据、预训练与初始化的随机种子</translation>
    </message>
    <message>
        <source>Curves vs step</source>
        <translation>曲线随步数</translation>
    </message>
    <message>
        <source>Curves vs wall time</source>
        <translation>曲线随墙钟时间</translation>
    </message>
    <message>
        <source>Measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>示意图</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>门控</translation>
    </message>
    <message>
        <source>Su&apos;s CLUE results</source>
        <translation>苏剑林的 CLUE 结果</translation>
    </message>
    <message>
        <source>Which figure is shown and exported</source>
        <translation>显示并导出哪张图</translation>
    </message>
    <message>
        <source>Arithmetic</source>
        <translation>运算精度</translation>
    </message>
    <message>
        <source>float64 (double)</source>
        <translation>float64（双精度）</translation>
    </message>
    <message>
        <source>float32</source>
        <translation>float32</translation>
    </message>
    <message>
        <source>Precision of the exact and Performer outputs and of the timings; float32 reports its rounding against float64</source>
        <translation>精确注意力与 Performer 输出以及计时所用的精度；选 float32 时报告其相对 float64 的舍入误差</translation>
    </message>
    <message>
        <source>Tokens n (up to 4096 on the CPU, 32768 on an OpenCL device); maps show the top-left 256×256 block when n &gt; 256</source>
        <translation>词元数 n（CPU 上至多 4096，OpenCL 设备上至多 32768）；n &gt; 256 时图中显示左上角 256×256 的块</translation>
    </message>
    <message>
        <source>Precision of the particles on the CPU (a GPU steps them in float32); float32 reports its largest position error against float64</source>
        <translation>CPU 上粒子的精度（GPU 上始终以 float32 推进）；float32 会报告其相对 float64 的最大位置误差</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::ArticlePanel</name>
    <message>
        <source>What to look at</source>
        <translation>看点</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Set the page to the scenario that shows this</source>
        <translation>把页面设为展示这一点的场景</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::AttentionRankFigure</name>
    <message>
        <source>Bidirectional</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Prefix-LM (m = %1)</source>
        <translation>Prefix-LM（m = %1）</translation>
    </message>
    <message>
        <source>Causal (forward)</source>
        <translation>因果（正向）</translation>
    </message>
    <message>
        <source>Backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>Prefix m = %1</source>
        <translation>前缀 m = %1</translation>
    </message>
    <message>
        <source>Causal</source>
        <translation>因果</translation>
    </message>
    <message>
        <source>Gaussian Q, K (seed %1)</source>
        <translation>高斯 Q, K（随机种子 %1）</translation>
    </message>
    <message>
        <source>circle Q = K</source>
        <translation>圆周 Q = K</translation>
    </message>
    <message>
        <source>Q = K = 0</source>
        <translation>Q = K = 0</translation>
    </message>
    <message>
        <source>Q, K from files</source>
        <translation>从文件读入的 Q, K</translation>
    </message>
    <message>
        <source>Attention rank — %1, n = %2, d = %3, τ = %4, t = %5</source>
        <translation>注意力的秩 — %1，n = %2，d = %3，τ = %4，t = %5</translation>
    </message>
    <message>
        <source>Rows are queries i, columns keys j; each row sums to 1. Grey cells are masked (M(i, j) = 0)%1.%2</source>
        <translation>行为查询 i，列为键 j；每行之和为 1。灰色单元表示被掩码（M(i, j) = 0）%1。%2</translation>
    </message>
    <message>
        <source>, or weights that underflow to 0 on the log scale</source>
        <translation>，或权重在对数刻度下下溢为 0</translation>
    </message>
    <message>
        <source> Hover a cell for its exact weight.</source>
        <translation>鼠标悬停在单元上可查看其精确权重。</translation>
    </message>
    <message>
        <source>Singular values σ_i of each matrix. Dots: rank_t, the last σ_i above t·σ₁. Dashed grey: the Taylor certificate — σ_{N_p+1}(A_bi) ≤ e^R·Σ_{k&gt;p} R^k/k! with N_p = C(d+p, p), R = max|S| = %1.</source>
        <translation>各矩阵的奇异值 σ_i。圆点：rank_t，即最后一个高于 t·σ₁ 的 σ_i。灰色虚线：Taylor 界——σ_{N_p+1}(A_bi) ≤ e^R·Σ_{k&gt;p} R^k/k!，其中 N_p = C(d+p, p)，R = max|S| = %1。</translation>
    </message>
    <message>
        <source>query i</source>
        <translation>查询 i</translation>
    </message>
    <message>
        <source>key j</source>
        <translation>键 j</translation>
    </message>
    <message>
        <source>Head %1, %2: log det %3</source>
        <translation>头 %1，%2：log det %3</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>正向</translation>
    </message>
    <message>
        <source>backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source> Maps show the first %1 queries and keys of n = %2.</source>
        <translation>矩阵图只显示 n = %2 中的前 %1 个查询与键。</translation>
    </message>
    <message>
        <source>Forward/backward-mixed design: heads 1…%1 are causal (lower triangular), heads %2…%3 backward (upper triangular), %4. Each head is triangular with a positive diagonal (smallest A&lt;sub&gt;ii&lt;/sub&gt; over all heads %5), so each has full rank n = %6; log det is exact by the diagonal formula Σ ln A&lt;sub&gt;ii&lt;/sub&gt;.%7</source>
        <translation>正反向混合设计：头 1…%1 为因果（下三角），头 %2…%3 为反向（上三角），%4。每个头都是对角线为正的三角阵（所有头中最小的 A&lt;sub&gt;ii&lt;/sub&gt; 为 %5），因此每个头都满秩 n = %6；log det 由对角线公式 Σ ln A&lt;sub&gt;ii&lt;/sub&gt; 精确给出。%7</translation>
    </message>
    <message>
        <source>each with its own Q, K (seed + 1 + h)</source>
        <translation>各头使用各自的 Q, K（随机种子 seed + 1 + h）</translation>
    </message>
    <message>
        <source>all on the same Q, K (they differ by their mask)</source>
        <translation>全部使用同一组 Q, K（仅掩码不同）</translation>
    </message>
    <message>
        <source>%1 · rank_t %2</source>
        <translation>%1 · rank_t %2</translation>
    </message>
    <message>
        <source>Singular values σ_i (log scale), t = %1</source>
        <translation>奇异值 σ_i（对数刻度），t = %1</translation>
    </message>
    <message>
        <source>index i</source>
        <translation>序号 i</translation>
    </message>
    <message>
        <source>σ_i</source>
        <translation>σ_i</translation>
    </message>
    <message>
        <source>Singular values σ_i (log scale): computing the SVDs…</source>
        <translation>奇异值 σ_i（对数刻度）：正在计算 SVD…</translation>
    </message>
    <message>
        <source>rank_t</source>
        <translation>rank_t</translation>
    </message>
    <message>
        <source>Taylor</source>
        <translation>Taylor 界</translation>
    </message>
    <message>
        <source>t·σ₁</source>
        <translation>t·σ₁</translation>
    </message>
    <message>
        <source>erank</source>
        <translation>erank</translation>
    </message>
    <message>
        <source>stable rank</source>
        <translation>稳定秩</translation>
    </message>
    <message>
        <source>log det</source>
        <translation>log det</translation>
    </message>
    <message>
        <source>σ_min</source>
        <translation>σ_min</translation>
    </message>
    <message>
        <source>κ</source>
        <translation>κ</translation>
    </message>
    <message>
        <source>1/‖A⁻¹‖₂</source>
        <translation>1/‖A⁻¹‖₂</translation>
    </message>
    <message>
        <source>entropy</source>
        <translation>熵</translation>
    </message>
    <message>
        <source>σ₂/σ₁</source>
        <translation>σ₂/σ₁</translation>
    </message>
    <message>
        <source>r(AX)</source>
        <translation>r(AX)</translation>
    </message>
    <message>
        <source>N_p (Taylor)</source>
        <translation>N_p（Taylor）</translation>
    </message>
    <message>
        <source>Mixed, %1 heads</source>
        <translation>混合，%1 个头</translation>
    </message>
    <message>
        <source> (Σ ln A_ii)</source>
        <translation>（Σ ln A_ii）</translation>
    </message>
    <message>
        <source> (LU)</source>
        <translation>（LU）</translation>
    </message>
    <message>
        <source> unreliable</source>
        <translation> 不可靠</translation>
    </message>
    <message>
        <source>vacuous</source>
        <translation>平凡</translation>
    </message>
    <message>
        <source>%1 (p = %2)</source>
        <translation>%1（p = %2）</translation>
    </message>
    <message>
        <source>%1/%1 per head</source>
        <translation>每头 %1/%1</translation>
    </message>
    <message>
        <source>singular head</source>
        <translation>存在奇异头</translation>
    </message>
    <message>
        <source>min %1</source>
        <translation>最小 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Claim (Su, kexue.fm/archives/9529):&lt;/b&gt; causal and backward attention are triangular with a positive diagonal, so they are full rank, always. Computing the singular values that measure it…</source>
        <translation>&lt;b&gt;论点（苏剑林，kexue.fm/archives/9529）：&lt;/b&gt;因果与反向注意力都是对角线为正的三角阵，因此总是满秩。正在计算衡量这一点的奇异值…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Claim (Su, kexue.fm/archives/9529):&lt;/b&gt; causal and backward attention are triangular with a positive diagonal, so log det = Σ ln A_ii = %1 is finite: full rank, always. Bidirectional attention here: rank_t %2 of %3, erank %4 (causal %5).</source>
        <translation>&lt;b&gt;论点（苏剑林，kexue.fm/archives/9529）：&lt;/b&gt;因果与反向注意力都是对角线为正的三角阵，因此 log det = Σ ln A_ii = %1 有限：总是满秩。此处的双向注意力：rank_t 为 %2/%3，erank 为 %4（因果为 %5）。</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Honest qualifications:&lt;/b&gt; 1. at low temperature (large τ) even d = 2 bidirectional is nearly full rank; 2. with d ≈ n, erank(A_bi) can exceed erank(A_c)%1; 3. σ_min(A_c) can be ≲ 1e-15, so its strict numerical rank is &amp;lt; n (here σ_min = %2 by SVD, %4 as 1/‖A⁻¹‖₂%3); 4. causal pure-attention stacks still collapse across depth.%5</source>
        <translation>&lt;br&gt;&lt;b&gt;需如实说明的限定：&lt;/b&gt;1. 低温（τ 大）时，即便 d = 2，双向注意力也几乎满秩；2. 当 d ≈ n 时，erank(A_bi) 可能超过 erank(A_c)%1；3. σ_min(A_c) 可能 ≲ 1e-15，因此其严格意义下的数值秩 &amp;lt; n（此处 SVD 给出 σ_min = %2，按 1/‖A⁻¹‖₂ 为 %4%3）；4. 因果的纯注意力堆叠仍会随深度坍缩。%5</translation>
    </message>
    <message>
        <source> (it does here)</source>
        <translation>（此处正是如此）</translation>
    </message>
    <message>
        <source>, below the reliability floor</source>
        <translation>，低于可靠性下限</translation>
    </message>
    <message>
        <source> The toolbar&apos;s buttons load each case.</source>
        <translation>工具栏的按钮可载入各个情形。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>d</source>
        <translation>d</translation>
    </message>
    <message>
        <source>τ</source>
        <translation>τ</translation>
    </message>
    <message>
        <source>Numerical rank rank_t against %1</source>
        <translation>数值秩 rank_t 随 %1 的变化</translation>
    </message>
    <message>
        <source>Effective rank against %1</source>
        <translation>有效秩随 %1 的变化</translation>
    </message>
    <message>
        <source>The sweep along %1 runs in the background (progress in the toolbar) and appears here when done; the dots are the current setting.</source>
        <translation>沿 %1 的扫描在后台运行（进度见工具栏），完成后显示在此处；圆点为当前设置。</translation>
    </message>
    <message>
        <source>= n</source>
        <translation>= n</translation>
    </message>
    <message>
        <source>BERT-base n = 512</source>
        <translation>BERT-base n = 512</translation>
    </message>
    <message>
        <source>BERT-base d = 64</source>
        <translation>BERT-base d = 64</translation>
    </message>
    <message>
        <source>current τ</source>
        <translation>当前 τ</translation>
    </message>
    <message>
        <source> The loaded files or the circle fix n and d, so this sweep runs along τ.</source>
        <translation>已加载的文件或圆周数据固定了 n 和 d，因此本次扫描沿 τ 进行。</translation>
    </message>
    <message>
        <source>Other parameters fixed (n = %1, d = %2, τ = %3; the prefix scales with n). For n ≫ d (BERT-base: d = 64, n = 512; Su, kexue.fm/archives/9547) the bidirectional rank grows sublinearly in n while the causal rank stays near n.%4</source>
        <translation>其余参数固定（n = %1，d = %2，τ = %3；前缀长度随 n 缩放）。当 n ≫ d 时（BERT-base：d = 64，n = 512；苏剑林，kexue.fm/archives/9547），双向注意力的秩随 n 次线性增长，而因果注意力的秩保持在 n 附近。%4</translation>
    </message>
    <message>
        <source>Collapse residual r(X_l) = ‖X − 1μᵀ‖_F / ‖X‖_F</source>
        <translation>坍缩残差 r(X_l) = ‖X − 1μᵀ‖_F / ‖X‖_F</translation>
    </message>
    <message>
        <source>layer l</source>
        <translation>层 l</translation>
    </message>
    <message>
        <source>r(X_l)</source>
        <translation>r(X_l)</translation>
    </message>
    <message>
        <source>σ₂/σ₁ of the product A_l⋯A_1</source>
        <translation>乘积 A_l⋯A_1 的 σ₂/σ₁</translation>
    </message>
    <message>
        <source>layers L</source>
        <translation>层数 L</translation>
    </message>
    <message>
        <source>The depth products are computed with the Depth view.</source>
        <translation>多层乘积在“深度”视图中计算。</translation>
    </message>
    <message>
        <source>causal</source>
        <translation>因果</translation>
    </message>
    <message>
        <source>bidirectional</source>
        <translation>双向</translation>
    </message>
    <message>
        <source> + residual</source>
        <translation> + 残差</translation>
    </message>
    <message>
        <source>%1: r(X_%2) = %3. </source>
        <translation>%1：r(X_%2) = %3。</translation>
    </message>
    <message>
        <source>X₀ = Q; X_{l+1} = softmax(τ·X_l X_lᵀ/√d + mask) X_l, plus X_l with residuals (identity weights). Full rank per layer does not stop rank collapse: causal stacks collapse too, only exponentially instead of doubly exponentially; residuals prevent it (Dong et al. 2021). %1</source>
        <translation>X₀ = Q；X_{l+1} = softmax(τ·X_l X_lᵀ/√d + mask) X_l，带残差时再加上 X_l（恒等权重）。每层满秩并不能阻止秩坍缩：因果堆叠同样会坍缩，只是按指数而非双指数速度；残差可以阻止坍缩（Dong 等，2021）。%1</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::AttentionRankPage</name>
    <message>
        <source>Su Jianlin, “Why are today’s LLMs decoder-only?” (2023), kexue.fm/archives/9529, and its FAQ, 9547; Dong et al. 2021, arXiv:2103.03404</source>
        <translation>苏剑林，《为什么现在的LLM都是Decoder-only的架构？》（2023），kexue.fm/archives/9529，及其 FAQ（9547）；Dong 等，2021，arXiv:2103.03404</translation>
    </message>
    <message>
        <source>Q and K</source>
        <translation>Q 与 K</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>秩</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Claim and qualifications…</source>
        <translation>论点与限定条件…</translation>
    </message>
    <message>
        <source>Load the main claim or one of its honest qualifications</source>
        <translation>加载主要论点或其中一条如实的限定条件</translation>
    </message>
    <message>
        <source>Load Q/K from files…</source>
        <translation>从文件加载 Q/K…</translation>
    </message>
    <message>
        <source>Two files of shape (n, d): .npy (float32 or float64, C order) or text (.csv, .txt, .tsv: one row per line, numbers separated by commas or whitespace). Scenario files record their names and SHA-256, and the matrices themselves up to 4 MiB each.</source>
        <translation>两个形状为 (n, d) 的文件：.npy（float32 或 float64，C 顺序）或文本（.csv、.txt、.tsv：每行对应矩阵的一行，数字以逗号或空白分隔）。场景文件会记录文件名和 SHA-256，并保存不超过 4 MiB 的矩阵本身（每个矩阵）。</translation>
    </message>
    <message>
        <source>Matrices (*.npy *.csv *.txt *.tsv);;NumPy arrays (*.npy);;Text (*.csv *.txt *.tsv)</source>
        <translation>矩阵 (*.npy *.csv *.txt *.tsv);;NumPy 数组 (*.npy);;文本 (*.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <source>Queries Q (n × d)</source>
        <translation>查询 Q（n × d）</translation>
    </message>
    <message>
        <source>Keys K (n × d)</source>
        <translation>键 K（n × d）</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>运行扫描</translation>
    </message>
    <message>
        <source>Rank and effective rank along the chosen axis, in the background</source>
        <translation>在后台沿所选坐标轴计算秩与有效秩</translation>
    </message>
    <message>
        <source>Loaded: %1 × %2</source>
        <translation>已加载：%1 × %2</translation>
    </message>
    <message>
        <source>Cancel sweep</source>
        <translation>取消扫描</translation>
    </message>
    <message>
        <source>Attention rank</source>
        <translation>注意力的秩</translation>
    </message>
    <message>
        <source>Main claim (defaults)</source>
        <translation>主要论点（默认参数）</translation>
    </message>
    <message>
        <source>1. Low temperature: circle at τ = 64</source>
        <translation>1. 低温：圆周数据，τ = 64</translation>
    </message>
    <message>
        <source>2. d ≈ n: n = d = 64</source>
        <translation>2. d ≈ n：n = d = 64</translation>
    </message>
    <message>
        <source>3. σ_min of the causal matrix ≈ 3e-15</source>
        <translation>3. 因果矩阵的 σ_min ≈ 3e-15</translation>
    </message>
    <message>
        <source>4. Causal stacks still collapse</source>
        <translation>4. 多层因果注意力仍会秩坍缩</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::ChartView</name>
    <message>
        <source>%1: %2 = %3</source>
        <translation>%1：%2 = %3</translation>
    </message>
    <message>
        <source>violation</source>
        <translation>违例</translation>
    </message>
    <message>
        <source>bars</source>
        <translation>柱状图</translation>
    </message>
    <message>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>%1: x = %2, y = %3</source>
        <translation>%1：x = %2，y = %3</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::ComputingOverlay</name>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>Computing… %1 %</source>
        <translation>计算中… %1 %</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::EfficientAttentionFigure</name>
    <message>
        <source>Output error e_O vs m</source>
        <translation>输出误差 e_O 随 m 的变化</translation>
    </message>
    <message>
        <source>Attention-map error e_A vs m</source>
        <translation>注意力矩阵误差 e_A 随 m 的变化</translation>
    </message>
    <message>
        <source>random features m</source>
        <translation>随机特征数 m</translation>
    </message>
    <message>
        <source>e_O = ‖Ô − O‖ / ‖O‖</source>
        <translation>e_O = ‖Ô − O‖ / ‖O‖</translation>
    </message>
    <message>
        <source>e_A = ‖Â − A‖ / ‖A‖</source>
        <translation>e_A = ‖Â − A‖ / ‖A‖</translation>
    </message>
    <message>
        <source>%1 median</source>
        <translation>%1 中位数</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 最小值</translation>
    </message>
    <message>
        <source>%1 max</source>
        <translation>%1 最大值</translation>
    </message>
    <message>
        <source>∝ m^(−1/2)</source>
        <translation>∝ m^(−1/2)</translation>
    </message>
    <message>
        <source>m = %1</source>
        <translation>m = %1</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正特征</translation>
    </message>
    <message>
        <source>hyperbolic (2m)</source>
        <translation>双曲特征（2m）</translation>
    </message>
    <message>
        <source>trigonometric</source>
        <translation>三角特征</translation>
    </message>
    <message>
        <source>Median (solid) and min/max (dashed) over %1 feature draws (seeds %2…%3) of %4 features, iid against orthogonal projections on the same seeds. Lemma 2 predicts e ∝ m&lt;sup&gt;−1/2&lt;/sup&gt; once ‖q‖, ‖k‖ are small (about 2× per 4× m), and orthogonal ≤ iid%5.</source>
        <translation>中位数（实线）与最小/最大值（虚线），基于 %4 的 %1 次特征抽样（随机种子 %2…%3），比较 iid 投影与相同随机种子下的正交投影。引理 2 预测：当 ‖q‖、‖k‖ 较小时 e ∝ m&lt;sup&gt;−1/2&lt;/sup&gt;（m 每增大 4 倍，误差约减半），且正交 ≤ iid%5。</translation>
    </message>
    <message>
        <source>; with σ = %1 attention is sharp and the fall is much slower (pre-asymptotic)</source>
        <translation>；σ = %1 时注意力很尖锐，误差下降慢得多（尚未进入渐近区）</translation>
    </message>
    <message>
        <source>Transformer-VQ error vs codebook size S</source>
        <translation>Transformer-VQ 误差随码本大小 S 的变化</translation>
    </message>
    <message>
        <source>codebook size S</source>
        <translation>码本大小 S</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>output e_O</source>
        <translation>输出 e_O</translation>
    </message>
    <message>
        <source>map e_A</source>
        <translation>注意力矩阵 e_A</translation>
    </message>
    <message>
        <source>key VQ error</source>
        <translation>键的 VQ 误差</translation>
    </message>
    <message>
        <source>S = %1</source>
        <translation>S = %1</translation>
    </message>
    <message>
        <source>%1 codebook%2, %3. At S = %4 (current): e&lt;sub&gt;O&lt;/sub&gt; = %5, linear cached form vs quadratic form on K̂: max |Δ| = %6. With S = n every key is its own code and the error is 0.</source>
        <translation>%1 码本%2，%3。S = %4（当前）时：e&lt;sub&gt;O&lt;/sub&gt; = %5，线性缓存形式与 K̂ 上的二次形式之差 max |Δ| = %6。S = n 时每个键自成一个码字，误差为 0。</translation>
    </message>
    <message>
        <source>k-means (%1 iterations)</source>
        <translation>k-means（%1 次迭代）</translation>
    </message>
    <message>
        <source>Random-key</source>
        <translation>随机键</translation>
    </message>
    <message>
        <source> (S up to 1024)</source>
        <translation>（S 最大取 1024）</translation>
    </message>
    <message>
        <source>causal, block l = %1</source>
        <translation>因果，块长 l = %1</translation>
    </message>
    <message>
        <source>bidirectional</source>
        <translation>双向</translation>
    </message>
    <message>
        <source>Performer key k%1 as soft assignment over ω</source>
        <translation>Performer：键 k%1 在 ω 上的软分配</translation>
    </message>
    <message>
        <source>feature i</source>
        <translation>特征 i</translation>
    </message>
    <message>
        <source>softmax(−‖k − ω_i‖²/2)</source>
        <translation>softmax(−‖k − ω_i‖²/2)</translation>
    </message>
    <message>
        <source>soft</source>
        <translation>软</translation>
    </message>
    <message>
        <source>Key k%1 over the VQ codebook</source>
        <translation>键 k%1 在 VQ 码本上的分配</translation>
    </message>
    <message>
        <source>code y</source>
        <translation>码字 y</translation>
    </message>
    <message>
        <source>p(y | k)</source>
        <translation>p(y | k)</translation>
    </message>
    <message>
        <source>soft, τ = %1</source>
        <translation>软，τ = %1</translation>
    </message>
    <message>
        <source>hard (VQ)</source>
        <translation>硬（VQ）</translation>
    </message>
    <message>
        <source>Soft VQ → hard VQ as τ → 0</source>
        <translation>τ → 0 时软 VQ → 硬 VQ</translation>
    </message>
    <message>
        <source>temperature τ</source>
        <translation>温度 τ</translation>
    </message>
    <message>
        <source>error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>max |soft − hard|</source>
        <translation>max |软 − 硬|</translation>
    </message>
    <message>
        <source>soft e_O</source>
        <translation>软 e_O</translation>
    </message>
    <message>
        <source>hard e_O</source>
        <translation>硬 e_O</translation>
    </message>
    <message>
        <source>τ = %1</source>
        <translation>τ = %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;exact&lt;/b&gt;</source>
        <translation>&lt;b&gt;精确&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;not exact&lt;/b&gt;</source>
        <translation>&lt;b&gt;非精确&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Performer as a soft Transformer-VQ&lt;/b&gt; (Su, kexue.fm/archives/9862), bidirectional output, m = %1:&lt;br&gt;Step 2, drop ‖ω&lt;sub&gt;i&lt;/sub&gt;‖²/2 and write k̃&lt;sub&gt;i&lt;/sub&gt; = e&lt;sup&gt;−‖k − ω&lt;sub&gt;i&lt;/sub&gt;‖²/2&lt;/sup&gt;: with equal norms ‖ω‖ = √d max |Δ| = %2 (%3); with χ norms max |Δ| = %4 (%5).&lt;br&gt;Step 3, replace k̃ by softmax&lt;sub&gt;i&lt;/sub&gt;(−‖k − ω&lt;sub&gt;i&lt;/sub&gt;‖²/2): max |Δ| = %6 (%7): the normaliser depends on k and re-weights keys, so this step is an analogy.&lt;br&gt;Correspondence: ω&lt;sub&gt;i&lt;/sub&gt; ↔ codes c&lt;sub&gt;y&lt;/sub&gt; (random, fixed, not cluster centres), e&lt;sup&gt;q·ω&lt;/sup&gt; ↔ exp(QCᵀ), soft assignment ↔ one-hot Δ. With p(y|k) = softmax(−‖k − c&lt;sub&gt;y&lt;/sub&gt;‖²/(2τ)) the GMM reading tends to Transformer-VQ as τ → 0 (left chart).</source>
        <translation>&lt;b&gt;Performer 即软化的 Transformer-VQ&lt;/b&gt;（苏剑林，kexue.fm/archives/9862），双向输出，m = %1：&lt;br&gt;第 2 步，去掉 ‖ω&lt;sub&gt;i&lt;/sub&gt;‖²/2，记 k̃&lt;sub&gt;i&lt;/sub&gt; = e&lt;sup&gt;−‖k − ω&lt;sub&gt;i&lt;/sub&gt;‖²/2&lt;/sup&gt;：模长相等（‖ω‖ = √d）时 max |Δ| = %2（%3）；模长服从 χ 分布时 max |Δ| = %4（%5）。&lt;br&gt;第 3 步，把 k̃ 换成 softmax&lt;sub&gt;i&lt;/sub&gt;(−‖k − ω&lt;sub&gt;i&lt;/sub&gt;‖²/2)：max |Δ| = %6（%7）：归一化因子依赖于 k，会对各个键重新加权，因此这一步只是类比。&lt;br&gt;对应关系：ω&lt;sub&gt;i&lt;/sub&gt; ↔ 码字 c&lt;sub&gt;y&lt;/sub&gt;（随机、固定，而非聚类中心），e&lt;sup&gt;q·ω&lt;/sup&gt; ↔ exp(QCᵀ)，软分配 ↔ one-hot Δ。取 p(y|k) = softmax(−‖k − c&lt;sub&gt;y&lt;/sub&gt;‖²/(2τ))，则当 τ → 0 时，这一 GMM 解读趋于 Transformer-VQ（左图）。</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <source>Performer</source>
        <translation>Performer</translation>
    </message>
    <message>
        <source>Transformer-VQ</source>
        <translation>Transformer-VQ</translation>
    </message>
    <message>
        <source>FLOP model vs n (not measured on this machine)</source>
        <translation>FLOP 模型随 n 的变化（未在本机实测）</translation>
    </message>
    <message>
        <source>FLOP model vs n (press “Measure timing” for this machine)</source>
        <translation>FLOP 模型随 n 的变化（点击“测量耗时”以在本机实测）</translation>
    </message>
    <message>
        <source>sequence length n</source>
        <translation>序列长度 n</translation>
    </message>
    <message>
        <source>GFLOP (model)</source>
        <translation>GFLOP（模型）</translation>
    </message>
    <message>
        <source>Model at d = d&lt;sub&gt;v&lt;/sub&gt; = %1, m = %2, S = %3: exact 4n²d + n², Performer 8nmd + 2nm, Transformer-VQ 6nSd + nS. Nothing measured yet.</source>
        <translation>模型取 d = d&lt;sub&gt;v&lt;/sub&gt; = %1，m = %2，S = %3：精确注意力 4n²d + n²，Performer 8nmd + 2nm，Transformer-VQ 6nSd + nS。尚未实测。</translation>
    </message>
    <message>
        <source>time (ms)</source>
        <translation>时间（ms）</translation>
    </message>
    <message>
        <source> model</source>
        <translation> 模型</translation>
    </message>
    <message>
        <source>Performer wins</source>
        <translation>Performer 更快</translation>
    </message>
    <message>
        <source>VQ wins</source>
        <translation>VQ 更快</translation>
    </message>
    <message>
        <source>n ≈ %1</source>
        <translation>n ≈ %1</translation>
    </message>
    <message>
        <source>not within the sizes</source>
        <translation>不在所测规模内</translation>
    </message>
    <message>
        <source>Medians, d = d&lt;sub&gt;v&lt;/sub&gt; = %1, m = %2, S = %3 (codebook given, assignment timed), bidirectional. Measured crossover: Performer %4, Transformer-VQ %5. Dashed: FLOP model at %6 ms/GFLOP (the exact run at the largest n).</source>
        <translation>中位数，d = d&lt;sub&gt;v&lt;/sub&gt; = %1，m = %2，S = %3（码本给定，计入分配耗时），双向。实测交叉点：Performer %4，Transformer-VQ %5。虚线：按 %6 ms/GFLOP 换算的 FLOP 模型（取最大 n 下精确注意力的运行）。</translation>
    </message>
    <message>
        <source>Efficient attention — n = %1, d = %2, σ = %3, %4, m = %5, S = %6</source>
        <translation>高效注意力 — n = %1，d = %2，σ = %3，%4，m = %5，S = %6</translation>
    </message>
    <message>
        <source>causal</source>
        <translation>因果</translation>
    </message>
    <message>
        <source> (first %1 of %2)</source>
        <translation>（%2 个中的前 %1 个）</translation>
    </message>
    <message>
        <source>Exact A = softmax(QKᵀ/√d)</source>
        <translation>精确 A = softmax(QKᵀ/√d)</translation>
    </message>
    <message>
        <source>Performer Â (m = %1): blue &lt; 0</source>
        <translation>Performer Â（m = %1）：蓝色 &lt; 0</translation>
    </message>
    <message>
        <source>Performer Â (m = %1)</source>
        <translation>Performer Â（m = %1）</translation>
    </message>
    <message>
        <source>, clamped to A&apos;s scale</source>
        <translation>，按 A 的色标截断</translation>
    </message>
    <message>
        <source>Transformer-VQ softmax(QK̂ᵀ/√d%1) (S = %2)</source>
        <translation>Transformer-VQ softmax(QK̂ᵀ/√d%1)（S = %2）</translation>
    </message>
    <message>
        <source> + B</source>
        <translation> + B</translation>
    </message>
    <message>
        <source>|A − Â| Performer</source>
        <translation>|A − Â| Performer</translation>
    </message>
    <message>
        <source>, clamped at max A</source>
        <translation>，在 max A 处截断</translation>
    </message>
    <message>
        <source>query i</source>
        <translation>查询 i</translation>
    </message>
    <message>
        <source>key j</source>
        <translation>键 j</translation>
    </message>
    <message>
        <source> Trigonometric features: %1 negative Â entries (blue), smallest normaliser %2 of the largest.</source>
        <translation>三角特征：Â 有 %1 个负元素（蓝色），最小归一化因子为最大值的 %2。</translation>
    </message>
    <message>
        <source> Window bias b(t) = %1·e&lt;sup&gt;−2t/l&lt;/sup&gt;, l = %2: errors against softmax(QKᵀ/√d + B + M), linear cached form vs quadratic form with B</source>
        <translation>窗口偏置 b(t) = %1·e&lt;sup&gt;−2t/l&lt;/sup&gt;，l = %2：相对 softmax(QKᵀ/√d + B + M) 的误差，线性缓存形式与带 B 的二次形式之差</translation>
    </message>
    <message>
        <source> Linear cached form vs quadratic form on K̂</source>
        <translation>线性缓存形式与 K̂ 上的二次形式之差</translation>
    </message>
    <message>
        <source>&lt;b&gt;Performer&lt;/b&gt;: e&lt;sub&gt;A&lt;/sub&gt; = %1, e&lt;sub&gt;O&lt;/sub&gt; = ‖ÂV − AV‖/‖AV‖ = %2.%3%11&lt;br&gt;&lt;b&gt;Transformer-VQ&lt;/b&gt;: e&lt;sub&gt;A&lt;/sub&gt; = %4, e&lt;sub&gt;O&lt;/sub&gt; = %5, key VQ error %6, %7 of %8 codes used.%9: max |Δ| = %10.</source>
        <translation>&lt;b&gt;Performer&lt;/b&gt;：e&lt;sub&gt;A&lt;/sub&gt; = %1，e&lt;sub&gt;O&lt;/sub&gt; = ‖ÂV − AV‖/‖AV‖ = %2。%3%11&lt;br&gt;&lt;b&gt;Transformer-VQ&lt;/b&gt;：e&lt;sub&gt;A&lt;/sub&gt; = %4，e&lt;sub&gt;O&lt;/sub&gt; = %5，键的 VQ 误差 %6，使用了 %8 个码字中的 %7 个。%9：max |Δ| = %10。</translation>
    </message>
    <message>
        <source> Click a cell of Â for its Lemma-2 view.</source>
        <translation>点击 Â 的某个单元格可查看其引理 2 分析。</translation>
    </message>
    <message>
        <source>Keys per code after block %1 (keys 0…%2)</source>
        <translation>块 %1 之后每个码字的键数（键 0…%2）</translation>
    </message>
    <message>
        <source>code s (red: gained keys in block %1)</source>
        <translation>码字 s（红色：在块 %1 中新增了键）</translation>
    </message>
    <message>
        <source>count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>code s</source>
        <translation>码字 s</translation>
    </message>
    <message>
        <source>after block %1</source>
        <translation>块 %1 之后</translation>
    </message>
    <message>
        <source>before block %1</source>
        <translation>块 %1 之前</translation>
    </message>
    <message>
        <source>Mean values U_s / count_s (d_v × S; grey: no key yet)</source>
        <translation>均值 U_s / count_s（d_v × S；灰色：尚无键）</translation>
    </message>
    <message>
        <source>value dim</source>
        <translation>值维度</translation>
    </message>
    <message>
        <source>Cursor: block %1 of %2 (l = %3) adds keys %4…%5; the cache now holds %6 keys in %7 of %8 codes%15. %9&lt;br&gt;Linear cached form vs quadratic form: max |Δ| = %10. Op count (multiply-adds × 2): quadratic 2n²(d + d&lt;sub&gt;v&lt;/sub&gt;) = %11, linear 2nS(d + d&lt;sub&gt;v&lt;/sub&gt;)%12 = %13, ratio %14×.</source>
        <translation>游标：第 %1 块（共 %2 块，l = %3）加入键 %4…%5；缓存现有 %6 个键，分布在 %8 个码字中的 %7 个上%15。%9&lt;br&gt;线性缓存形式与二次形式之差：max |Δ| = %10。运算量（乘加次数 × 2）：二次形式 2n²(d + d&lt;sub&gt;v&lt;/sub&gt;) = %11，线性形式 2nS(d + d&lt;sub&gt;v&lt;/sub&gt;)%12 = %13，比值 %14×。</translation>
    </message>
    <message>
        <source>Block %1 reads this cache (the bias window keeps one more block exact).</source>
        <translation>块 %1 读取此缓存（偏置窗口使多一个块保持精确）。</translation>
    </message>
    <message>
        <source>Block %1 reads this cache.</source>
        <translation>块 %1 读取此缓存。</translation>
    </message>
    <message>
        <source>Bidirectional: every query reads the full cache (last block).</source>
        <translation>双向：每个查询都读取完整缓存（最后一块）。</translation>
    </message>
    <message>
        <source> + 2nw(d + d&lt;sub&gt;v&lt;/sub&gt;) with window w = %1</source>
        <translation> + 2nw(d + d&lt;sub&gt;v&lt;/sub&gt;)（窗口 w = %1）</translation>
    </message>
    <message>
        <source> (red: codes that gained keys)</source>
        <translation>（红色：新增了键的码字）</translation>
    </message>
    <message>
        <source> (grey line: counts before the block)</source>
        <translation>（灰线：该块之前的计数）</translation>
    </message>
    <message>
        <source>Estimate of SM(q%1, k%2) over %3 iid draws of m = %4 features</source>
        <translation>SM(q%1, k%2) 的估计：%3 次 iid 抽样，每次 m = %4 个特征</translation>
    </message>
    <message>
        <source>estimate / SM</source>
        <translation>估计值 / SM</translation>
    </message>
    <message>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>hyperbolic</source>
        <translation>双曲特征</translation>
    </message>
    <message>
        <source>trig</source>
        <translation>三角特征</translation>
    </message>
    <message>
        <source>%1, Lemma 2</source>
        <translation>%1，引理 2</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;%1&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lemma 2&lt;/b&gt; (Choromanski et al. 2021), x = q&lt;sub&gt;%1&lt;/sub&gt;/d&lt;sup&gt;1/4&lt;/sup&gt;, y = k&lt;sub&gt;%2&lt;/sub&gt;/d&lt;sup&gt;1/4&lt;/sup&gt;: SM = e&lt;sup&gt;xᵀy&lt;/sup&gt; = %3, ‖x+y‖² = %4, ‖x−y‖² = %5.&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;Lemma 2&lt;/th&gt;&lt;th&gt;draws&lt;/th&gt;&lt;th&gt;mean/SM&lt;/th&gt;&lt;th&gt;&amp;lt; 0&lt;/th&gt;&lt;/tr&gt;%6&lt;/table&gt;Columns: relative MSE = MSE/SM² by Lemma 2 and over the draws, the mean estimate, draws below 0. Positive: (e&lt;sup&gt;‖x+y‖²&lt;/sup&gt; − 1)/m, small where SM is small; trig: e&lt;sup&gt;‖x+y‖²&lt;/sup&gt;SM&lt;sup&gt;−4&lt;/sup&gt;(1 − e&lt;sup&gt;−‖x−y‖²&lt;/sup&gt;)²/(2m), huge there. Large ‖x+y‖² gives heavy tails: one rare draw can move the sample MSE a lot.</source>
        <translation>&lt;b&gt;引理 2&lt;/b&gt;（Choromanski 等，2021），x = q&lt;sub&gt;%1&lt;/sub&gt;/d&lt;sup&gt;1/4&lt;/sup&gt;，y = k&lt;sub&gt;%2&lt;/sub&gt;/d&lt;sup&gt;1/4&lt;/sup&gt;：SM = e&lt;sup&gt;xᵀy&lt;/sup&gt; = %3，‖x+y‖² = %4，‖x−y‖² = %5。&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;引理 2&lt;/th&gt;&lt;th&gt;抽样&lt;/th&gt;&lt;th&gt;均值/SM&lt;/th&gt;&lt;th&gt;&amp;lt; 0&lt;/th&gt;&lt;/tr&gt;%6&lt;/table&gt;各列：相对 MSE = MSE/SM²（按引理 2 计算，以及在抽样上统计）、估计的均值、小于 0 的抽样数。正特征：(e&lt;sup&gt;‖x+y‖²&lt;/sup&gt; − 1)/m，在 SM 小处也小；三角特征：e&lt;sup&gt;‖x+y‖²&lt;/sup&gt;SM&lt;sup&gt;−4&lt;/sup&gt;(1 − e&lt;sup&gt;−‖x−y‖²&lt;/sup&gt;)²/(2m)，在该处极大。‖x+y‖² 较大时呈重尾：一次罕见的抽样就可能使样本 MSE 大幅变化。</translation>
    </message>
    <message>
        <source>Measured time vs n on this machine (float32), with the FLOP model</source>
        <translation>本机实测耗时随 n 的变化（float32），附 FLOP 模型</translation>
    </message>
    <message>
        <source>Measured time vs n on this machine (float64), with the FLOP model</source>
        <translation>本机实测耗时随 n 的变化（float64），附 FLOP 模型</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;float32&lt;/b&gt;: the exact output is within %1 and Performer&apos;s within %2 of float64 (relative Frobenius error).</source>
        <translation>&lt;br&gt;&lt;b&gt;float32&lt;/b&gt;：精确输出与 float64 相差 %1 以内，Performer 输出相差 %2 以内（相对 Frobenius 误差）。</translation>
    </message>
    <message>
        <source>, float32</source>
        <translation>，float32</translation>
    </message>
    <message>
        <source> The device was not timed: %1.</source>
        <translation> 未在设备上计时：%1。</translation>
    </message>
    <message>
        <source> Light lines: the same methods on %1 in float32, inputs uploaded and outputs read back in every call; crossover there: Performer %2, Transformer-VQ %3.</source>
        <translation> 浅色线：同样的方法在 %1 上以 float32 运行，每次调用都上传输入并读回输出；该设备上的交叉点：Performer %2，Transformer-VQ %3。</translation>
    </message>
    <message>
        <source> (OpenCL)</source>
        <translation>（OpenCL）</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::EfficientAttentionPage</name>
    <message>
        <source>Su Jianlin, “VQ the keys and the Transformer becomes linear” (2023), kexue.fm/archives/9844, and “Traces of Transformer-VQ in the Performer”, 9862; Choromanski et al. 2021, arXiv:2009.14794; Lingle 2023, arXiv:2309.16354</source>
        <translation>苏剑林，《VQ一下Key，Transformer的复杂度就变成线性了》（2023），kexue.fm/archives/9844，以及《我在Performer中发现了Transformer-VQ的踪迹》（9862）；Choromanski 等，2021，arXiv:2009.14794；Lingle，2023，arXiv:2309.16354</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Performer</source>
        <translation>Performer</translation>
    </message>
    <message>
        <source>Transformer-VQ</source>
        <translation>Transformer-VQ</translation>
    </message>
    <message>
        <source>Soft VQ analogy</source>
        <translation>软 VQ 类比</translation>
    </message>
    <message>
        <source>Measure timing</source>
        <translation>测量耗时</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Efficient attention</source>
        <translation>高效注意力</translation>
    </message>
    <message>
        <source>Arithmetic</source>
        <translation>运算精度</translation>
    </message>
    <message>
        <source>Time exact, Performer (m) and Transformer-VQ (S) for n = 256 … 8192 at the current d, in the background, on the CPU and, when one is chosen (View ▸ Device), on the OpenCL device beside it</source>
        <translation>在后台以当前 d 对 n = 256 … 8192 计时精确注意力、Performer（m）和 Transformer-VQ（S），在 CPU 上测量，若已选择 OpenCL 设备（视图 ▸ 设备）则同时在该设备上并排测量</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::FokkerPlanckFigure</name>
    <message>
        <source>Euler, 1st order</source>
        <translation>Euler，一阶</translation>
    </message>
    <message>
        <source>Heun, 2nd order</source>
        <translation>Heun，二阶</translation>
    </message>
    <message>
        <source>RK4, 4th order</source>
        <translation>RK4，四阶</translation>
    </message>
    <message>
        <source>stationary</source>
        <translation>稳态</translation>
    </message>
    <message>
        <source>closed form</source>
        <translation>解析解</translation>
    </message>
    <message>
        <source>TV(histogram, PDE) = &lt;b&gt;%1&lt;/b&gt; (Monte-Carlo floor %2 for N = %3) · mean %4, var x₁ %5 · PDE: mean %6, var %7 · %8: mean %9, var %10 · PDE mass %11</source>
        <translation>TV(直方图, PDE) = &lt;b&gt;%1&lt;/b&gt;（N = %3 时的蒙特卡洛噪声下限 %2）· 均值 %4，x₁ 方差 %5 · PDE：均值 %6，方差 %7 · %8：均值 %9，方差 %10 · PDE 质量 %11</translation>
    </message>
    <message>
        <source>Fokker–Planck: grid solution and particles</source>
        <translation>Fokker–Planck：网格解与粒子</translation>
    </message>
    <message>
        <source>SDE (σ = g) vs σ-SDE on the same seed</source>
        <translation>SDE（σ = g）与 σ-SDE（相同随机种子）</translation>
    </message>
    <message>
        <source>Read-outs over time</source>
        <translation>读数随时间的变化</translation>
    </message>
    <message>
        <source>Test-function check (WF)</source>
        <translation>检验函数验证（WF）</translation>
    </message>
    <message>
        <source>Residual vs Δt (WF)</source>
        <translation>残差随 Δt 的变化（WF）</translation>
    </message>
    <message>
        <source>%1 — t = %2 (frame %3/%4)</source>
        <translation>%1 — t = %2（第 %3/%4 帧）</translation>
    </message>
    <message>
        <source>Δt = %1 (CFL bound %2), %3 steps</source>
        <translation>Δt = %1（CFL 上限 %2），%3 步</translation>
    </message>
    <message>
        <source>PDE density, SDE particles (orange), %1 paths (red)</source>
        <translation>PDE 密度、SDE 粒子（橙色）、%1 条路径（红色）</translation>
    </message>
    <message>
        <source>Density at t = %1</source>
        <translation>t = %1 时的密度</translation>
    </message>
    <message>
        <source>p(x)</source>
        <translation>p(x)</translation>
    </message>
    <message>
        <source>initial</source>
        <translation>初始</translation>
    </message>
    <message>
        <source>histogram</source>
        <translation>直方图</translation>
    </message>
    <message>
        <source>PDE</source>
        <translation>PDE</translation>
    </message>
    <message>
        <source>SDE paths: x₁ over time</source>
        <translation>SDE 路径：x₁ 随时间的变化</translation>
    </message>
    <message>
        <source>SDE particle paths</source>
        <translation>SDE 粒子路径</translation>
    </message>
    <message>
        <source>path %1</source>
        <translation>路径 %1</translation>
    </message>
    <message>
        <source> · Δt = %1 (CFL bound %2), %3 steps</source>
        <translation> · Δt = %1（CFL 上限 %2），%3 步</translation>
    </message>
    <message>
        <source> · &lt;b&gt;box too small&lt;/b&gt;: %1 of the mass in the outer cells</source>
        <translation> · &lt;b&gt;区域太小&lt;/b&gt;：最外层网格中的质量占 %1</translation>
    </message>
    <message>
        <source>σ = 0: probability-flow ODE (%1)</source>
        <translation>σ = 0：概率流 ODE（%1）</translation>
    </message>
    <message>
        <source>σ-SDE, σ = %1 (Euler–Maruyama)</source>
        <translation>σ-SDE，σ = %1（Euler–Maruyama）</translation>
    </message>
    <message>
        <source>SDE (Euler–Maruyama, σ = g)</source>
        <translation>SDE（Euler–Maruyama，σ = g）</translation>
    </message>
    <message>
        <source>Histogram (%1) vs PDE (blue)</source>
        <translation>直方图（%1）与 PDE（蓝色）</translation>
    </message>
    <message>
        <source>pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>%1: x₁ of each path</source>
        <translation>%1：各路径的 x₁</translation>
    </message>
    <message>
        <source> · score: closed form −(x − m(t))/v(t)</source>
        <translation> · score 函数：解析式 −(x − m(t))/v(t)</translation>
    </message>
    <message>
        <source> · score: grid estimate</source>
        <translation> · score 函数：网格估计</translation>
    </message>
    <message>
        <source>now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Total variation</source>
        <translation>全变差</translation>
    </message>
    <message>
        <source>SDE</source>
        <translation>SDE</translation>
    </message>
    <message>
        <source>σ-SDE</source>
        <translation>σ-SDE</translation>
    </message>
    <message>
        <source>MC floor</source>
        <translation>MC 下限</translation>
    </message>
    <message>
        <source>PDE–stationary</source>
        <translation>PDE–稳态</translation>
    </message>
    <message>
        <source>PDE–exact</source>
        <translation>PDE–精确解</translation>
    </message>
    <message>
        <source>Mean of x₁</source>
        <translation>x₁ 的均值</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确解</translation>
    </message>
    <message>
        <source>Variance of x₁</source>
        <translation>x₁ 的方差</translation>
    </message>
    <message>
        <source>variance</source>
        <translation>方差</translation>
    </message>
    <message>
        <source>Grid mass drift (max %1)</source>
        <translation>网格质量漂移（最大 %1）</translation>
    </message>
    <message>
        <source>Δmass/mass₀</source>
        <translation>Δmass/mass₀</translation>
    </message>
    <message>
        <source>φ = %1 on x₁: left vs right side</source>
        <translation>φ = %1（作用于 x₁）：左边与右边</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>变化率</translation>
    </message>
    <message>
        <source>d/dt E φ</source>
        <translation>d/dt E φ</translation>
    </message>
    <message>
        <source>E[f·∇φ + ½g²Δφ]</source>
        <translation>E[f·∇φ + ½g²Δφ]</translation>
    </message>
    <message>
        <source>E φ over the SDE particles</source>
        <translation>SDE 粒子上的 E φ</translation>
    </message>
    <message>
        <source>E φ</source>
        <translation>E φ</translation>
    </message>
    <message>
        <source>At t = %1: left %2, right %3, residual %4. The left side is a central difference of E φ between frames; the right side is (WF) evaluated on the same particles, so both carry the same Monte-Carlo noise.</source>
        <translation>t = %1 时：左边 %2，右边 %3，残差 %4。左边是 E φ 在相邻帧间的中心差分；右边是在同一批粒子上计算的式 (WF)，因此两者带有相同的蒙特卡洛噪声。</translation>
    </message>
    <message>
        <source>One Euler–Maruyama step: residual of (WF) vs Δt, t = %1</source>
        <translation>单步 Euler–Maruyama：式 (WF) 的残差随 Δt 的变化，t = %1</translation>
    </message>
    <message>
        <source>Δt</source>
        <translation>Δt</translation>
    </message>
    <message>
        <source>|residual|</source>
        <translation>|残差|</translation>
    </message>
    <message>
        <source>|residual| with ½g²Δφ</source>
        <translation>含 ½g²Δφ 的 |残差|</translation>
    </message>
    <message>
        <source>without the Itô term ½g²Δφ</source>
        <translation>不含 Itô 项 ½g²Δφ</translation>
    </message>
    <message>
        <source>order 1 (∝ Δt)</source>
        <translation>一阶（∝ Δt）</translation>
    </message>
    <message>
        <source>run&apos;s Δt</source>
        <translation>本次运行的 Δt</translation>
    </message>
    <message>
        <source>Residual r(Δt) = mean over the SDE particles at t of (E φ(x + fΔt + g√Δt ε) − φ(x))/Δt − (f φ′ + ½g² φ″)(x), with the step&apos;s noise averaged in closed form, so no Monte-Carlo noise hides the trend. </source>
        <translation>残差 r(Δt) 为 (E φ(x + fΔt + g√Δt ε) − φ(x))/Δt − (f φ′ + ½g² φ″)(x) 在 t 时刻 SDE 粒子上的平均，其中单步噪声以解析方式求平均，因此趋势不会被蒙特卡洛噪声掩盖。</translation>
    </message>
    <message>
        <source>φ = x: one Euler–Maruyama step is exact in mean, so the residual is zero (round-off) for every Δt.</source>
        <translation>φ = x：单步 Euler–Maruyama 在均值意义下是精确的，因此对任意 Δt 残差都为零（仅有舍入误差）。</translation>
    </message>
    <message>
        <source>Expected: first order, the Δt² term Euler–Maruyama drops (for φ = x² exactly Δt·E[f²]); measured slope %1 over Δt = %2 … %3. Without the Itô term the residual stalls at ½g² E[φ″] = %4: the derivation&apos;s second-order term is what makes (WF) hold.</source>
        <translation>预期：一阶，来自 Euler–Maruyama 丢掉的 Δt² 项（对 φ = x² 恰为 Δt·E[f²]）；在 Δt = %2 … %3 上实测斜率为 %1。去掉 Itô 项后，残差停滞在 ½g² E[φ″] = %4：正是推导中的二阶项使式 (WF) 成立。</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::FokkerPlanckPage</name>
    <message>
        <source>Su Jianlin, “Deriving the continuity and Fokker–Planck equations with test functions” (2023), kexue.fm/archives/9461</source>
        <translation>苏剑林，《用“检验函数”推导连续性方程和Fokker-Planck方程》（2023），kexue.fm/archives/9461</translation>
    </message>
    <message>
        <source>Dynamics</source>
        <translation>动力学</translation>
    </message>
    <message>
        <source>Initial density</source>
        <translation>初始密度</translation>
    </message>
    <message>
        <source>Particles and grid</source>
        <translation>粒子与网格</translation>
    </message>
    <message>
        <source>Test function (WF)</source>
        <translation>检验函数（WF）</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Play the cached frames from the current one</source>
        <translation>从当前帧开始播放已缓存的帧</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Next cached frame</source>
        <translation>下一缓存帧</translation>
    </message>
    <message>
        <source>Time: cached frame shown (no recompute)</source>
        <translation>时间：显示已缓存的帧（不重新计算）</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Fokker–Planck</source>
        <translation>Fokker–Planck 方程</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::FpDensityCanvas</name>
    <message>
        <source>density</source>
        <translation>密度</translation>
    </message>
    <message>
        <source>x₁ (vertical: x₂)</source>
        <translation>x₁（纵轴：x₂）</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::GridSweepPanel</name>
    <message>
        <source>Codebook usage vs log2 K (cf. paper Fig. 3c)</source>
        <translation>码本利用率随 log2 K 的变化（参见论文图 3c）</translation>
    </message>
    <message>
        <source>log2 K</source>
        <translation>log2 K</translation>
    </message>
    <message>
        <source>codes used (%)</source>
        <translation>已用码字（%）</translation>
    </message>
    <message>
        <source>Held-out SNR vs log2 K (PSNR analogue, cf. Fig. 3a)</source>
        <translation>留出集 SNR 随 log2 K 的变化（PSNR 的类比，参见图 3a）</translation>
    </message>
    <message>
        <source>SNR (dB)</source>
        <translation>SNR（dB）</translation>
    </message>
    <message>
        <source>Computing the sweep over K = 2^%1 … 2^%2 in the background…</source>
        <translation>正在后台计算 K = 2^%1 … 2^%2 的扫描…</translation>
    </message>
    <message>
        <source>2^%1: %2%3</source>
        <translation>2^%1：%2%3</translation>
    </message>
    <message>
        <source> (paper)</source>
        <translation>（论文）</translation>
    </message>
    <message>
        <source>FSQ (fit half)</source>
        <translation>FSQ（拟合集）</translation>
    </message>
    <message>
        <source>FSQ (held out)</source>
        <translation>FSQ（留出集）</translation>
    </message>
    <message>
        <source>VQ (fit half)</source>
        <translation>VQ（拟合集）</translation>
    </message>
    <message>
        <source>VQ (held out)</source>
        <translation>VQ（留出集）</translation>
    </message>
    <message>
        <source>FSQ (centroids)</source>
        <translation>FSQ（质心）</translation>
    </message>
    <message>
        <source>VQ (k-means)</source>
        <translation>VQ（k-means）</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fit / held out&lt;/b&gt;: %1 / %2 points (seeded halves); α = %3. FSQ levels: %4.</source>
        <translation>&lt;b&gt;拟合集 / 留出集&lt;/b&gt;：%1 / %2 个点（按随机种子对半划分）；α = %3。FSQ 各维级数：%4。</translation>
    </message>
    <message>
        <source> VQ K is capped at the fit half (%1 codes) for the %2 largest budgets.</source>
        <translation>在最大的 %2 个预算下，VQ 的 K 被限制为拟合集大小（%1 个码字）。</translation>
    </message>
    <message>
        <source> FSQ decodes a held-out point with its cell&apos;s fit-half centroid; cells the fit half never reached fall back to the analytic inverse bound (poor for outer levels), so FSQ&apos;s held-out SNR can drop as K grows.</source>
        <translation>FSQ 用留出点所在格子在拟合集上的质心来解码；拟合集从未落入的格子退回到 bound 函数的解析逆（对外侧级数效果差），因此 FSQ 的留出集 SNR 可能随 K 增大而下降。</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Reproduced&lt;/b&gt;: codebook usage with the paper&apos;s definition, counted on held-out points. &lt;b&gt;Not reproduced&lt;/b&gt;: the paper&apos;s trend &quot;VQ usage falls with K, FSQ stays high&quot; needs a trained encoder or online VQ (try VQ training = online EMA with the tiny init); here FSQ usage at large K is bounded by N/K and set by α, and k-means on fixed points fills its codes. SNR = −10·log10(MSE / variance) of these latent points stands in for PSNR; reconstruction and sampling FID are not reproducible.</source>
        <translation>&lt;br&gt;&lt;b&gt;已复现&lt;/b&gt;：按论文定义的码本利用率，在留出点上统计。&lt;b&gt;未复现&lt;/b&gt;：论文中“VQ 利用率随 K 下降，FSQ 保持较高”的趋势需要训练好的编码器或在线 VQ（可尝试将 VQ 训练设为在线 EMA 并使用极小初始化）；此处大 K 时 FSQ 的利用率受 N/K 限制并由 α 决定，而固定点上的 k-means 会填满所有码字。以这些隐变量点的 SNR = −10·log10(MSE / variance) 代替 PSNR；重建与采样 FID 无法复现。</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::HeatmapView</name>
    <message>
        <source>row %1, col %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::LstDiagram</name>
    <message>
        <source>embedding</source>
        <translation>嵌入</translation>
    </message>
    <message>
        <source>attn %1</source>
        <translation>注意力 %1</translation>
    </message>
    <message>
        <source>FFN %1</source>
        <translation>FFN %1</translation>
    </message>
    <message>
        <source>head</source>
        <translation>输出头</translation>
    </message>
    <message>
        <source>down₀</source>
        <translation>down₀</translation>
    </message>
    <message>
        <source>side %1</source>
        <translation>旁路 %1</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::LstMemoryFigure</name>
    <message>
        <source>Memory accountant — L = %1, h = %2, f = %3, a = %4 (%5 M params), s = %6, t = %7, b = %8</source>
        <translation>显存账本 — L = %1，h = %2，f = %3，a = %4（%5 M 参数），s = %6，t = %7，b = %8</translation>
    </message>
    <message>
        <source>Training memory per method</source>
        <translation>各方法的训练显存</translation>
    </message>
    <message>
        <source>GB (10⁹ B)</source>
        <translation>GB（10⁹ B）</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>梯度</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器状态</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>dropout masks</source>
        <translation>dropout 掩码</translation>
    </message>
    <message>
        <source>overhead C₀</source>
        <translation>固定开销 C₀</translation>
    </message>
    <message>
        <source>P_train</source>
        <translation>P_train</translation>
    </message>
    <message>
        <source>% backbone</source>
        <translation>占主干 %</translation>
    </message>
    <message>
        <source>M_w</source>
        <translation>M_w</translation>
    </message>
    <message>
        <source>M_g</source>
        <translation>M_g</translation>
    </message>
    <message>
        <source>M_opt</source>
        <translation>M_opt</translation>
    </message>
    <message>
        <source>masks</source>
        <translation>掩码</translation>
    </message>
    <message>
        <source>C₀</source>
        <translation>C₀</translation>
    </message>
    <message>
        <source>total GB</source>
        <translation>总计 GB</translation>
    </message>
    <message>
        <source>% of full</source>
        <translation>占全量 %</translation>
    </message>
    <message>
        <source>%1 = %2; </source>
        <translation>%1 = %2；</translation>
    </message>
    <message>
        <source>M = M_w + M_g + M_opt + activations + masks + C₀ (analytic model); %1, %2 optimizer, C₀ = %3 GB%4. LST keeps %5 side layers of %6 (r = %7). LST elements: %8</source>
        <translation>M = M_w + M_g + M_opt + 激活值 + 掩码 + C₀（解析模型）；%1，%2 优化器，C₀ = %3 GB%4。LST 在 %6 层中保留 %5 个旁路层（r = %7）。LST 各项元素数：%8</translation>
    </message>
    <message>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <source>mixed precision</source>
        <translation>混合精度</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量 SGD</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source> (fitted to the paper)</source>
        <translation>（按论文拟合）</translation>
    </message>
    <message>
        <source>Trainable parameters, % of the backbone</source>
        <translation>可训练参数，占主干的 %</translation>
    </message>
    <message>
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>% of backbone (log)</source>
        <translation>占主干 %（对数）</translation>
    </message>
    <message>
        <source>trainable %</source>
        <translation>可训练 %</translation>
    </message>
    <message>
        <source>trainable</source>
        <translation>可训练参数</translation>
    </message>
    <message>
        <source>% (ours)</source>
        <translation>%（本实现）</translation>
    </message>
    <message>
        <source>paper %</source>
        <translation>论文 %</translation>
    </message>
    <message>
        <source>agrees</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>Peak memory vs sequence length</source>
        <translation>峰值显存随序列长度的变化</translation>
    </message>
    <message>
        <source>Peak memory vs batch size</source>
        <translation>峰值显存随批大小的变化</translation>
    </message>
    <message>
        <source>source tokens s (log)</source>
        <translation>源序列 token 数 s（对数）</translation>
    </message>
    <message>
        <source>batch b (log)</source>
        <translation>批大小 b（对数）</translation>
    </message>
    <message>
        <source>GB (10⁹ B, log)</source>
        <translation>GB（10⁹ B，对数）</translation>
    </message>
    <message>
        <source>current s</source>
        <translation>当前 s</translation>
    </message>
    <message>
        <source>current b</source>
        <translation>当前 b</translation>
    </message>
    <message>
        <source>At the current setting LST needs %1% of full fine-tuning&apos;s memory (C₀ = %2 GB included). Attention terms grow with s², the rest with s·b; weights, gradients and optimizer state stay fixed.</source>
        <translation>在当前设置下，LST 所需显存为全量微调的 %1%（含 C₀ = %2 GB）。注意力项随 s² 增长，其余项随 s·b 增长；权重、梯度和优化器状态保持不变。</translation>
    </message>
    <message>
        <source>Paper Fig. 1 and the model (T5-base setup)</source>
        <translation>论文图 1 与模型（T5-base 设置）</translation>
    </message>
    <message>
        <source>peak memory (paper GB)</source>
        <translation>峰值显存（论文 GB）</translation>
    </message>
    <message>
        <source>GLUE average (%)</source>
        <translation>GLUE 平均分（%）</translation>
    </message>
    <message>
        <source>paper (T5-base)</source>
        <translation>论文（T5-base）</translation>
    </message>
    <message>
        <source>paper LST large/3B</source>
        <translation>论文 LST large/3B</translation>
    </message>
    <message>
        <source>model + C₀</source>
        <translation>模型 + C₀</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>论文</translation>
    </message>
    <message>
        <source>model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>deviation %</source>
        <translation>偏差 %</translation>
    </message>
    <message>
        <source>Δ paper</source>
        <translation>Δ 论文</translation>
    </message>
    <message>
        <source>Δ model</source>
        <translation>Δ 模型</translation>
    </message>
    <message>
        <source>Δ = full fine-tuning − method (C₀ cancels). Paper GB = 1.048576·10⁹ B (max_memory_allocated / 1024² / 1000). C₀ = %1 paper GB (%2; relative least-squares fit: %3). Acceptance: ordering %4, LST/full = %5 in 0.26–0.35 %6, Δ vs full within ±1.5 GB %7, absolute within ±20% %8. LST T5-base: 5.5 from the abstract&apos;s 69% (the figure reads ≈ 5.8). T5-large/3B LST points are not reproduced (a known miss of the model).</source>
        <translation>Δ = 全量微调 − 该方法（C₀ 相互抵消）。论文 GB = 1.048576·10⁹ B（max_memory_allocated / 1024² / 1000）。C₀ = %1 论文 GB（%2；相对最小二乘拟合值：%3）。验收：排序 %4，LST/全量 = %5 落在 0.26–0.35 内 %6，相对全量的 Δ 在 ±1.5 GB 内 %7，绝对值在 ±20% 内 %8。LST T5-base：5.5 由摘要中的 69% 推得（图中读数 ≈ 5.8）。T5-large/3B 的 LST 数据点未能复现（模型的已知偏差）。</translation>
    </message>
    <message>
        <source>fitted</source>
        <translation>拟合值</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Su&apos;s CLUE validation results, sorted by the LST drop</source>
        <translation>苏剑林的 CLUE 验证集结果，按 LST 的下降幅度排序</translation>
    </message>
    <message>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>RoBERTa base</source>
        <translation>RoBERTa base</translation>
    </message>
    <message>
        <source>base + LST</source>
        <translation>base + LST</translation>
    </message>
    <message>
        <source>large + LST</source>
        <translation>large + LST</translation>
    </message>
    <message>
        <source>* reading comprehension or wsc (Su&apos;s hard tasks); the rest are classification. Su (kexue.fm/archives/9138): a 4-layer, width-128 side BERT on a frozen RoBERTa, no gates, random init. Ordinary classification stays close to full fine-tuning; reading comprehension (cmrc2018, c3, chid) and wsc drop sharply. Training was about 2× faster.</source>
        <translation>* 为阅读理解或 wsc（苏剑林所说的难任务）；其余为分类任务。苏剑林（kexue.fm/archives/9138）：在冻结的 RoBERTa 上接一个 4 层、宽度 128 的旁路 BERT，无门控，随机初始化。普通分类任务与全量微调相差不大；阅读理解（cmrc2018、c3、chid）和 wsc 则大幅下降。训练速度快约 2 倍。</translation>
    </message>
    <message>
        <source>Full FT</source>
        <translation>全量微调</translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation>Adapter</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>BitFit</source>
        <translation>BitFit</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>LST</source>
        <translation>LST</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::LstMemoryPage</name>
    <message>
        <source>Su Jianlin, “Ladder Side-Tuning: a ladder over the wall for pre-trained models” (2022), kexue.fm/archives/9138; Sung et al. 2022, arXiv:2206.06522</source>
        <translation>苏剑林，《Ladder Side-Tuning：预训练模型的“过墙梯”》（2022），kexue.fm/archives/9138；Sung 等，2022，arXiv:2206.06522</translation>
    </message>
    <message>
        <source>Backbone</source>
        <translation>主干</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>工作负载</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Overhead and sweep</source>
        <translation>开销与扫描</translation>
    </message>
    <message>
        <source>Memory accountant</source>
        <translation>显存账本</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::LstRunFigure</name>
    <message>
        <source>Side-tuning run: loss and accuracy against step</source>
        <translation>旁路微调运行：损失与准确率随步数的变化</translation>
    </message>
    <message>
        <source>Side-tuning run: loss and accuracy against training wall time</source>
        <translation>旁路微调运行：损失与准确率随训练墙钟时间的变化</translation>
    </message>
    <message>
        <source>Side-tuning run: measured time, retained activations and parameters</source>
        <translation>旁路微调运行：实测耗时、保留的激活值与参数</translation>
    </message>
    <message>
        <source>Side-tuning run: which tensors receive gradients</source>
        <translation>旁路微调运行：哪些张量接收梯度</translation>
    </message>
    <message>
        <source>Side-tuning run: LST gates μᵢ = σ(αᵢ/0.1)</source>
        <translation>旁路微调运行：LST 门控 μᵢ = σ(αᵢ/0.1)</translation>
    </message>
    <message>
        <source>Su&apos;s CLUE results (kexue.fm/archives/9138) and this run&apos;s accuracy</source>
        <translation>苏剑林的 CLUE 结果（kexue.fm/archives/9138）与本次运行的准确率</translation>
    </message>
    <message>
        <source>Filled: weights that receive gradients. Outlined: frozen blocks the backward pass must cross (dX only, their activations stay on the tape). Grey: forward only, nothing kept. LST&apos;s backward never enters the backbone: only the ladder inputs xᵢ are kept (Sung et al. 2022).</source>
        <translation>实心：接收梯度的权重。描边：反向传播必须穿过的冻结模块（只计算 dX，其激活值保留在 tape 上）。灰色：只做前向，不保留任何内容。LST 的反向传播从不进入主干：只保留梯子输入 xᵢ（Sung 等，2022）。</translation>
    </message>
    <message>
        <source>training wall time (s)</source>
        <translation>训练墙钟时间（s）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>随机水平</translation>
    </message>
    <message>
        <source>Task %1, %2 classes; backbone %3 weights, pre-trained %4 MLM steps (final loss %5). Point 0 is before training (its loss is the validation loss).</source>
        <translation>任务 %1，%2 类；主干有 %3 个权重，已预训练 %4 步 MLM（最终损失 %5）。第 0 个点为训练前（其损失即验证损失）。</translation>
    </message>
    <message>
        <source>Wall time counts forward, backward and Adam only (evaluation and pauses excluded).</source>
        <translation>墙钟时间只计入前向、反向和 Adam 更新（不含评估和暂停）。</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>全量</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>线性探测</translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation>Adapter</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>LST</source>
        <translation>LST</translation>
    </message>
    <message>
        <source>Time per step (median)</source>
        <translation>每步耗时（中位数）</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <source>backward + Adam</source>
        <translation>反向 + Adam</translation>
    </message>
    <message>
        <source>Activations kept for backward</source>
        <translation>为反向传播保留的激活值</translation>
    </message>
    <message>
        <source>KiB per batch</source>
        <translation>KiB / 批</translation>
    </message>
    <message>
        <source>measured tape</source>
        <translation>实测 tape</translation>
    </message>
    <message>
        <source>analytic formula</source>
        <translation>解析公式</translation>
    </message>
    <message>
        <source>Trainable parameters</source>
        <translation>可训练参数</translation>
    </message>
    <message>
        <source>% of backbone</source>
        <translation>占主干 %</translation>
    </message>
    <message>
        <source>trainable %</source>
        <translation>可训练 %</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Trainable</source>
        <translation>可训练参数</translation>
    </message>
    <message>
        <source>Tape KiB</source>
        <translation>Tape KiB</translation>
    </message>
    <message>
        <source>Formula KiB</source>
        <translation>公式 KiB</translation>
    </message>
    <message>
        <source>Static KiB</source>
        <translation>静态 KiB</translation>
    </message>
    <message>
        <source>Forward ms</source>
        <translation>前向 ms</translation>
    </message>
    <message>
        <source>Backward ms</source>
        <translation>反向 ms</translation>
    </message>
    <message>
        <source>Val accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Backbone frozen</source>
        <translation>主干冻结</translation>
    </message>
    <message>
        <source> ✓</source>
        <translation> ✓</translation>
    </message>
    <message>
        <source> ✗</source>
        <translation> ✗</translation>
    </message>
    <message>
        <source>trained</source>
        <translation>已训练</translation>
    </message>
    <message>
        <source>✓ bit-identical</source>
        <translation>✓ 逐位相同</translation>
    </message>
    <message>
        <source>✗ changed</source>
        <translation>✗ 已改变</translation>
    </message>
    <message>
        <source>LST / full fine-tuning: retained activations %1 (paper: LST keeps 31 % of full FT&apos;s total memory; the analytic model expects ≈ 1/3 here), time per step %2 (Su: ≈ 2× faster, i.e. ≈ 0.5).</source>
        <translation>LST / 全量微调：保留激活值之比 %1（论文：LST 的总显存为全量微调的 31 %；此处解析模型预期 ≈ 1/3），每步耗时之比 %2（苏剑林：快约 2 倍，即 ≈ 0.5）。</translation>
    </message>
    <message>
        <source>Train both full fine-tuning and LST to see their ratios.</source>
        <translation>同时训练全量微调和 LST 才能看到两者之比。</translation>
    </message>
    <message>
        <source>Gate values of the LST side layers</source>
        <translation>LST 旁路层的门控值</translation>
    </message>
    <message>
        <source>μᵢ (weight on the side path)</source>
        <translation>μᵢ（旁路路径的权重）</translation>
    </message>
    <message>
        <source>side %1 ← layer %2</source>
        <translation>旁路 %1 ← 层 %2</translation>
    </message>
    <message>
        <source>start 0.5</source>
        <translation>初始 0.5</translation>
    </message>
    <message>
        <source>uᵢ = μᵢ·zᵢ₋₁ + (1 − μᵢ)·(W_down,i·xᵢ + bᵢ): μ near 1 keeps the side path, near 0 takes the backbone layer&apos;s ladder.</source>
        <translation>uᵢ = μᵢ·zᵢ₋₁ + (1 − μᵢ)·(W_down,i·xᵢ + bᵢ)：μ 接近 1 时保留旁路路径，接近 0 时取主干层的梯子输入。</translation>
    </message>
    <message>
        <source>LST is not among the trained methods: select it to see its gates.</source>
        <translation>LST 不在已训练的方法中：选中它即可查看其门控。</translation>
    </message>
    <message>
        <source>CLUE validation, sorted by LST drop (* = MRC / wsc; cmrc = cmrc2018, ner = cluener)</source>
        <translation>CLUE 验证集，按 LST 下降幅度排序（* = MRC / wsc；cmrc = cmrc2018，ner = cluener）</translation>
    </message>
    <message>
        <source>score (%)</source>
        <translation>得分（%）</translation>
    </message>
    <message>
        <source>RoBERTa base</source>
        <translation>RoBERTa base</translation>
    </message>
    <message>
        <source>+ LST</source>
        <translation>+ LST</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行次数</translation>
    </message>
    <message>
        <source>Trainable %</source>
        <translation>可训练 %</translation>
    </message>
    <message>
        <source>Full FT</source>
        <translation>全量微调</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::LstRunPage</name>
    <message>
        <source>Su Jianlin, “Ladder Side-Tuning: a ladder over the wall for pre-trained models” (2022), kexue.fm/archives/9138; Sung et al. 2022, arXiv:2206.06522</source>
        <translation>苏剑林，《Ladder Side-Tuning：预训练模型的“过墙梯”》（2022），kexue.fm/archives/9138；Sung 等，2022，arXiv:2206.06522</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>训练计划</translation>
    </message>
    <message>
        <source>Learning rates</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Ladder side network</source>
        <translation>梯子旁路网络</translation>
    </message>
    <message>
        <source>pre-training the backbone, step %1 of %2</source>
        <translation>正在预训练主干，第 %1/%2 步</translation>
    </message>
    <message>
        <source>pre-training done</source>
        <translation>预训练完成</translation>
    </message>
    <message>
        <source>%1, seed %2, step %3</source>
        <translation>%1，随机种子 %2，第 %3 步</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>已暂停：%1</translation>
    </message>
    <message>
        <source>Training: %1</source>
        <translation>训练中：%1</translation>
    </message>
    <message>
        <source>Cancelled: the curves show the run up to that point.</source>
        <translation>已取消：曲线显示的是截至取消时的运行。</translation>
    </message>
    <message>
        <source>Training…</source>
        <translation>训练中…</translation>
    </message>
    <message>
        <source>Finished in %1 s: %2 runs, backbone pre-trained in %3 s.</source>
        <translation>用时 %1 s 完成：%2 次运行，主干预训练用时 %3 s。</translation>
    </message>
    <message>
        <source>Train again</source>
        <translation>重新训练</translation>
    </message>
    <message>
        <source>Pre-train and train every selected method again with these settings</source>
        <translation>按当前设置重新预训练，并重新训练每个选中的方法</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Hold the training between two steps; wall time stops too</source>
        <translation>在两步之间暂停训练；墙钟时间也一并停止</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the training; the curves so far stay on screen</source>
        <translation>停止训练；已有的曲线保留在屏幕上</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Side-tuning run</source>
        <translation>旁路微调运行</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::MainWindow</name>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the running computation</source>
        <translation>停止正在进行的计算</translation>
    </message>
    <message>
        <source>recomputed in %1 ms</source>
        <translation>重新计算用时 %1 ms</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Scenarios saved for this page (also under File ▸ Presets)</source>
        <translation>为本页面保存的场景（也在 文件 ▸ 预设 下）</translation>
    </message>
    <message>
        <source>%1 — LatentLab</source>
        <translation>%1 — LatentLab</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>no page is open</source>
        <translation>没有打开的页面</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the &amp;system (%1)</source>
        <translation>跟随系统(&amp;S)（%1）</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LatentLab…</source>
        <translation>关于 LatentLab(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation>打开场景(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save scenario…</source>
        <translation>保存场景(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>Export &amp;figure…</source>
        <translation>导出图(&amp;F)…</translation>
    </message>
    <message>
        <source>Export &amp;data…</source>
        <translation>导出数据(&amp;D)…</translation>
    </message>
    <message>
        <source>Export window &amp;screenshot…</source>
        <translation>导出窗口截图(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Reset &amp;page</source>
        <translation>重置页面(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Pages</source>
        <translation>页面(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>Cannot open scenario</source>
        <translation>无法打开场景</translation>
    </message>
    <message>
        <source>%1 was not applied; the page keeps its previous state.

%2</source>
        <translation>%1 未被应用；页面保持原来的状态。

%2</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <source>LatentLab scenarios (*.json)</source>
        <translation>LatentLab 场景文件 (*.json)</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <source>Cannot save scenario</source>
        <translation>无法保存场景</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Export figure</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Cannot export figure</source>
        <translation>无法导出图</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>CSV table (*.csv);;JSON with scenario (*.json)</source>
        <translation>CSV 表格 (*.csv);;含场景的 JSON (*.json)</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Cannot export data</source>
        <translation>无法导出数据</translation>
    </message>
    <message>
        <source>Export window screenshot</source>
        <translation>导出窗口截图</translation>
    </message>
    <message>
        <source>Cannot export screenshot</source>
        <translation>无法导出截图</translation>
    </message>
    <message>
        <source>About LatentLab</source>
        <translation>关于 LatentLab</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <source>&amp;CPU — %1</source>
        <translation>&amp;CPU — %1</translation>
    </message>
    <message>
        <source>OpenCL — %1 (%2)</source>
        <translation>OpenCL — %1（%2）</translation>
    </message>
    <message>
        <source>, runs on the CPU</source>
        <translation>，运行在 CPU 上</translation>
    </message>
    <message>
        <source>&amp;Device</source>
        <translation>设备(&amp;D)</translation>
    </message>
    <message>
        <source>%1 MiB of memory, double precision %2</source>
        <translation>内存 %1 MiB，双精度%2</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>No OpenCL device found (install a GPU driver&apos;s OpenCL ICD, or pocl-opencl-icd)</source>
        <translation>未找到 OpenCL 设备（请安装 GPU 驱动的 OpenCL ICD，或 pocl-opencl-icd）</translation>
    </message>
    <message>
        <source>This build has no OpenCL backend</source>
        <translation>此版本未包含 OpenCL 后端</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>OpenCL: %1</source>
        <translation>OpenCL：%1</translation>
    </message>
    <message>
        <source>This page computes on %1 (View ▸ Device)</source>
        <translation>本页在 %1 上计算（视图 ▸ 设备）</translation>
    </message>
    <message>
        <source>This page computes on the CPU; the device chosen in View ▸ Device (%1) applies to the attention, quantization, Top-k and flow pages</source>
        <translation>本页在 CPU 上计算；“视图 ▸ 设备”中所选的设备（%1）用于注意力、量化、Top-k 与流的页面</translation>
    </message>
    <message>
        <source>Computed on the CPU instead of %1: %2</source>
        <translation>未能在 %1 上计算，已改在 CPU 上计算：%2</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::Page</name>
    <message>
        <source>the CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>OpenCL: %1</source>
        <translation>OpenCL：%1</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::ParamForm</name>
    <message>
        <source>comma-separated numbers, e.g. 3, 2, 1, 4</source>
        <translation>逗号分隔的数字，例如 3, 2, 1, 4</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::PlaneView</name>
    <message>
        <source>codeword</source>
        <translation>码字</translation>
    </message>
    <message>
        <source>dead codeword (no points)</source>
        <translation>死码字（无点）</translation>
    </message>
    <message>
        <source>aliased point</source>
        <translation>混叠的点</translation>
    </message>
    <message>
        <source>aliased cell</source>
        <translation>混叠的单元</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::QuantGridFigure</name>
    <message>
        <source>x%1</source>
        <translation>x%1</translation>
    </message>
    <message>
        <source>, cells at x%1 = %2</source>
        <translation>，单元取 x%1 = %2</translation>
    </message>
    <message>
        <source>FSQ %1 = %2 codes%3</source>
        <translation>FSQ %1 = %2 个码字%3</translation>
    </message>
    <message>
        <source>bounded b%1(α·x%1)</source>
        <translation>有界 b%1(α·x%1)</translation>
    </message>
    <message>
        <source>latent %1</source>
        <translation>隐变量 %1</translation>
    </message>
    <message>
        <source>k-means, it. %1 of %2</source>
        <translation>k-means，第 %1 / %2 次迭代</translation>
    </message>
    <message>
        <source>EMA, step %1 of %2</source>
        <translation>EMA，第 %1 / %2 步</translation>
    </message>
    <message>
        <source>k-means, %1 it.</source>
        <translation>k-means，%1 次迭代</translation>
    </message>
    <message>
        <source>EMA, %1 steps</source>
        <translation>EMA，%1 步</translation>
    </message>
    <message>
        <source>VQ Voronoi, K = %1 (%2)</source>
        <translation>VQ Voronoi，K = %1（%2）</translation>
    </message>
    <message>
        <source>VQ Voronoi (%1): training…</source>
        <translation>VQ Voronoi（%1）：训练中…</translation>
    </message>
    <message>
        <source>k-means</source>
        <translation>k-means</translation>
    </message>
    <message>
        <source>EMA</source>
        <translation>EMA</translation>
    </message>
    <message>
        <source>Code usage, sorted (log y)</source>
        <translation>码字利用率，排序后（对数 y 轴）</translation>
    </message>
    <message>
        <source>code rank</source>
        <translation>码字排名</translation>
    </message>
    <message>
        <source>points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>FSQ</source>
        <translation>FSQ</translation>
    </message>
    <message>
        <source>VQ</source>
        <translation>VQ</translation>
    </message>
    <message>
        <source>FSQ %1 index</source>
        <translation>FSQ %1 索引</translation>
    </message>
    <message>
        <source>Relative MSE (MSE / total variance)</source>
        <translation>相对 MSE（MSE / 总方差）</translation>
    </message>
    <message>
        <source>Lloyd iteration</source>
        <translation>Lloyd 迭代</translation>
    </message>
    <message>
        <source>EMA step</source>
        <translation>EMA 步</translation>
    </message>
    <message>
        <source>rel. MSE</source>
        <translation>相对 MSE</translation>
    </message>
    <message>
        <source>FSQ (centroids)</source>
        <translation>FSQ（质心）</translation>
    </message>
    <message>
        <source>shown</source>
        <translation>当前显示</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: K = %2, used %3 (%4), dead %5, H = %6 bits of %7, perplexity %8, rel. MSE %9</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：K = %2，已用 %3（%4），死码字 %5，H = %6 bit（上限 %7），困惑度 %8，相对 MSE %9</translation>
    </message>
    <message>
        <source>&lt;b&gt;VQ&lt;/b&gt;: training…</source>
        <translation>&lt;b&gt;VQ&lt;/b&gt;：训练中…</translation>
    </message>
    <message>
        <source>EMA dead-code restarts (whole run, threshold %1): %2</source>
        <translation>EMA 死码字重启（整个运行，阈值 %1）：%2</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Index path in fp32: no aliasing (our indices are always integer).</source>
        <translation>fp32 下的索引路径：无混叠（我们的索引始终是整数）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 float index path&lt;/b&gt;: %2 of %3 points land on a wrong code, %4 codes aliased (red); usage %5 → %6 (our integer path is unaffected).</source>
        <translation>&lt;b&gt;%1 浮点索引路径&lt;/b&gt;：%3 个点中有 %2 个落到错误的码字上，%4 个码字发生混叠（红色）；利用率 %5 → %6（我们的整数路径不受影响）。</translation>
    </message>
    <message>
        <source>Warning: levels below 5 give worse results in the FSQ paper (Mentzer et al. 2023).</source>
        <translation>警告：在 FSQ 论文（Mentzer 等，2023）中，级数低于 5 的结果更差。</translation>
    </message>
    <message>
        <source>Even L: the tanh bound is asymmetric (levels −L/2 … L/2 − 1); Su&apos;s sigmoid is symmetric.</source>
        <translation>L 为偶数：tanh 有界化是不对称的（级数 −L/2 … L/2 − 1）；苏剑林的 sigmoid 方案是对称的。</translation>
    </message>
    <message>
        <source>FSQ grid vs VQ Voronoi cells</source>
        <translation>FSQ 网格与 VQ Voronoi 单元</translation>
    </message>
    <message>
        <source>FSQ grid and its usage</source>
        <translation>FSQ 网格及其利用率</translation>
    </message>
    <message>
        <source>VQ Voronoi cells and training</source>
        <translation>VQ Voronoi 单元与训练</translation>
    </message>
    <message>
        <source>Code usage and distortion</source>
        <translation>码字利用率与失真</translation>
    </message>
    <message>
        <source>Codebook usage and distortion vs K</source>
        <translation>码本利用率与失真随 K 的变化</translation>
    </message>
    <message>
        <source> — %1 points, α = %2</source>
        <translation> — %1 个点，α = %2</translation>
    </message>
    <message>
        <source> — whitened PCA of 4×4 patches of %1</source>
        <translation> — %1 的 4×4 图块经白化 PCA</translation>
    </message>
    <message>
        <source>an image</source>
        <translation>一幅图像</translation>
    </message>
    <message>
        <source>Points per cell (L%1 × L%2)</source>
        <translation>每个单元的点数（L%1 × L%2）</translation>
    </message>
    <message>
        <source>level q%1</source>
        <translation>级 q%1</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::QuantGridPage</name>
    <message>
        <source>Su Jianlin, “Embarrassingly simple FSQ: rounding beats VQ-VAE” (2023), kexue.fm/archives/9826; Mentzer et al. 2023, arXiv:2309.15505</source>
        <translation>苏剑林，《简单得令人尴尬的FSQ：“四舍五入”超越了VQ-VAE》（2023），kexue.fm/archives/9826；Mentzer 等，2023，arXiv:2309.15505</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>FSQ</source>
        <translation>FSQ</translation>
    </message>
    <message>
        <source>VQ</source>
        <translation>VQ</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Display and seed</source>
        <translation>显示与随机种子</translation>
    </message>
    <message>
        <source>Image not loaded, keeping the previous points: %1</source>
        <translation>图像未能载入，保留之前的点：%1</translation>
    </message>
    <message>
        <source>Image path (empty: %1)</source>
        <translation>图像路径（留空：%1）</translation>
    </message>
    <message>
        <source>Image for the &quot;Image patches&quot; points: PNG, JPEG, BMP, TIFF or WebP, at least 40×40 pixels. Empty: the bundled sample.</source>
        <translation>“图像图块”数据点所用的图像：PNG、JPEG、BMP、TIFF 或 WebP，至少 40×40 像素。留空：使用自带的示例图。</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>图像…</translation>
    </message>
    <message>
        <source>Choose the image whose patches give the latent points</source>
        <translation>选择一幅图像，用其图块生成隐空间中的点</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Step through the VQ codebook after each Lloyd iteration or every 10 EMA steps (no retraining)</source>
        <translation>逐帧查看每次 Lloyd 迭代后或每 10 个 EMA 步后的 VQ 码本（不重新训练）</translation>
    </message>
    <message>
        <source>VQ training history: the codebook shown</source>
        <translation>VQ 训练历史：当前显示的码本</translation>
    </message>
    <message>
        <source>it. 5000/5000</source>
        <translation>迭代 5000/5000</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>it. %1/%2</source>
        <translation>迭代 %1/%2</translation>
    </message>
    <message>
        <source>step %1/%2</source>
        <translation>步 %1/%2</translation>
    </message>
    <message>
        <source>FSQ vs VQ grid</source>
        <translation>FSQ 与 VQ 网格</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::QuantImageFigure</name>
    <message>
        <source>&lt;b&gt;Reproduced&lt;/b&gt; (FSQ paper metrics): codebook usage, same definition; PSNR/SSIM stand in for reconstruction quality. &lt;b&gt;Not reproducible&lt;/b&gt; here: reconstruction and sampling FID, precision/recall and UViM task metrics (they need Inception and trained stage-II models); compression cost only as the zeroth-order entropy rate (an upper bound). With a linear PCA encoder VQ (k-means) should beat FSQ at every K: FSQ needs a strong learned encoder (Su, kexue.fm/archives/9826).</source>
        <translation>&lt;b&gt;已复现&lt;/b&gt;（FSQ 论文的指标）：码本利用率，定义相同；以 PSNR/SSIM 代替重建质量。&lt;b&gt;此处无法复现&lt;/b&gt;：重建 FID 与采样 FID、precision/recall 以及 UViM 任务指标（需要 Inception 和训练好的第二阶段模型）；压缩代价只给出零阶熵率（一个上界）。在线性 PCA 编码器下，VQ（k-means）在每个 K 上都应优于 FSQ：FSQ 需要强大的可学习编码器（苏剑林，kexue.fm/archives/9826）。</translation>
    </message>
    <message>
        <source>Hover a patch for its codes.</source>
        <translation>将鼠标悬停在图块上以查看其编码。</translation>
    </message>
    <message>
        <source>PSNR vs codebook size (Fig. 3a analogue)</source>
        <translation>PSNR 随码本大小的变化（对应原文图 3a）</translation>
    </message>
    <message>
        <source>log2 K</source>
        <translation>log2 K</translation>
    </message>
    <message>
        <source>PSNR (dB)</source>
        <translation>PSNR (dB)</translation>
    </message>
    <message>
        <source>Codebook usage vs codebook size (Fig. 3c analogue)</source>
        <translation>码本利用率随码本大小的变化（对应原文图 3c）</translation>
    </message>
    <message>
        <source>codes used</source>
        <translation>已用码字</translation>
    </message>
    <message>
        <source>Training loss (mini-batch MSE)</source>
        <translation>训练损失（小批 MSE）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>MSE</source>
        <translation>MSE</translation>
    </message>
    <message>
        <source>Codebook usage during training</source>
        <translation>训练过程中的码本利用率</translation>
    </message>
    <message>
        <source>fraction of codes used</source>
        <translation>已用码字比例</translation>
    </message>
    <message>
        <source>No training run yet.</source>
        <translation>尚未进行训练。</translation>
    </message>
    <message>
        <source>Tiny autoencoder trained with the straight-through estimator (tier C) — K = %1, %2 patches, step %3 of %4%5</source>
        <translation>用直通估计器训练的微型自编码器（C 级）— K = %1，%2 个图块，第 %3 / %4 步%5</translation>
    </message>
    <message>
        <source> (running)</source>
        <translation>（运行中）</translation>
    </message>
    <message>
        <source>Linear encoder and decoder, Adam, batch %1. FSQ: STE only, no auxiliary loss. VQ: STE + commitment β = %2 + EMA codebook from a tiny init.</source>
        <translation>线性编码器与解码器，Adam，批大小 %1。FSQ：仅用 STE，无辅助损失。VQ：STE + 承诺损失 β = %2 + 从极小初始化开始的 EMA 码本。</translation>
    </message>
    <message>
        <source>FSQ</source>
        <translation>FSQ</translation>
    </message>
    <message>
        <source>VQ</source>
        <translation>VQ</translation>
    </message>
    <message>
        <source>VQ + restart</source>
        <translation>VQ + 重启</translation>
    </message>
    <message>
        <source> %1: %2 dB, usage %3%%4.</source>
        <translation> %1：%2 dB，利用率 %3%%4。</translation>
    </message>
    <message>
        <source>, %1 restarts</source>
        <translation>，%1 次重启</translation>
    </message>
    <message>
        <source>%1×%2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <source>Rate–distortion, patch PCA (tier A) — %1, %2, P = %3, α = %4</source>
        <translation>率失真，图块 PCA（A 级）— %1，%2，P = %3，α = %4</translation>
    </message>
    <message>
        <source>Per-pixel colour (tier B)</source>
        <translation>逐像素颜色（B 级）</translation>
    </message>
    <message>
        <source>Patch PCA (tier A)</source>
        <translation>图块 PCA（A 级）</translation>
    </message>
    <message>
        <source>%1 — %2, %3, K = %4</source>
        <translation>%1 — %2，%3，K = %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Patch&lt;/b&gt; row %1, col %2&lt;br&gt;&lt;b&gt;FSQ&lt;/b&gt; index %3, digits (%4), ẑ = (%5)&lt;br&gt;&lt;b&gt;VQ&lt;/b&gt; code %6, e = (%7)</source>
        <translation>&lt;b&gt;图块&lt;/b&gt; 第 %1 行，第 %2 列&lt;br&gt;&lt;b&gt;FSQ&lt;/b&gt; 索引 %3，各位数字 (%4)，ẑ = (%5)&lt;br&gt;&lt;b&gt;VQ&lt;/b&gt; 码字 %6，e = (%7)</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>, analytic</source>
        <translation>，解析解码</translation>
    </message>
    <message>
        <source>, centroids</source>
        <translation>，质心解码</translation>
    </message>
    <message>
        <source>, least squares</source>
        <translation>，最小二乘解码</translation>
    </message>
    <message>
        <source>FSQ %1%2 — %3 dB</source>
        <translation>FSQ %1%2 — %3 dB</translation>
    </message>
    <message>
        <source>FSQ %1%2 — computing…</source>
        <translation>FSQ %1%2 — 计算中…</translation>
    </message>
    <message>
        <source>VQ K = %1 — %2 dB</source>
        <translation>VQ K = %1 — %2 dB</translation>
    </message>
    <message>
        <source>VQ K = %1 — k-means running…</source>
        <translation>VQ K = %1 — k-means 运行中…</translation>
    </message>
    <message>
        <source>VQ — waiting for FSQ…</source>
        <translation>VQ — 等待 FSQ…</translation>
    </message>
    <message>
        <source>|error| FSQ (0–255)</source>
        <translation>|误差| FSQ（0–255）</translation>
    </message>
    <message>
        <source>|error| VQ (0–255)</source>
        <translation>|误差| VQ（0–255）</translation>
    </message>
    <message>
        <source>FSQ: quantizing %1 codes… VQ: waiting for FSQ.</source>
        <translation>FSQ：正在量化 %1 个码字… VQ：等待 FSQ。</translation>
    </message>
    <message>
        <source>FSQ: PSNR %1 dB, SSIM %2, usage %3%. VQ: fitting K = %4 codes…</source>
        <translation>FSQ：PSNR %1 dB，SSIM %2，利用率 %3%。VQ：正在拟合 K = %4 个码字…</translation>
    </message>
    <message>
        <source>codes K</source>
        <translation>码字数 K</translation>
    </message>
    <message>
        <source>SSIM</source>
        <translation>SSIM</translation>
    </message>
    <message>
        <source>bpp (fixed)</source>
        <translation>bpp（定长）</translation>
    </message>
    <message>
        <source>bpp (entropy)</source>
        <translation>bpp（熵）</translation>
    </message>
    <message>
        <source>usage</source>
        <translation>利用率</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>perplexity</source>
        <translation>困惑度</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>patches</source>
        <translation>图块</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 %2; %3 ms</source>
        <translation>&lt;br&gt;%1 个%2；%3 ms</translation>
    </message>
    <message>
        <source>Budgets 2^4…2^16 with the FSQ paper&apos;s levels; VQ = k-means++ and %1 Lloyd iteration(s) per point (the headline uses all of them) in the same PCA latent, K capped at patches/4, so its rate is that of the capped K. FSQ usage is bounded by patches/K at large K.</source>
        <translation>码本预算 2^4…2^16，采用 FSQ 论文的级数；VQ = k-means++ 加上每个点 %1 次 Lloyd 迭代（标题行用全部迭代），在同一 PCA 隐空间中进行，K 上限为 图块数/4，因此其码率是截断后 K 的码率。K 较大时 FSQ 的利用率以 图块数/K 为上限。</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::QuantImagePage</name>
    <message>
        <source>Su Jianlin, “Embarrassingly simple FSQ: rounding beats VQ-VAE” (2023), kexue.fm/archives/9826; Mentzer et al. 2023, arXiv:2309.15505</source>
        <translation>苏剑林，《简单得令人尴尬的FSQ：“四舍五入”超越了VQ-VAE》（2023），kexue.fm/archives/9826；Mentzer 等，2023，arXiv:2309.15505</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Quantizers</source>
        <translation>量化器</translation>
    </message>
    <message>
        <source>Training (tier C)</source>
        <translation>训练（C 级）</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Image not loaded, keeping the previous one: %1</source>
        <translation>图像未能载入，保留之前的图像：%1</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>PNG, JPEG, BMP, TIFF or WebP, 8- or 16-bit, grey, RGB or RGBA; you can also drop a file on the page</source>
        <translation>PNG、JPEG、BMP、TIFF 或 WebP，8 位或 16 位，灰度、RGB 或 RGBA；也可以把文件拖放到页面上</translation>
    </message>
    <message>
        <source>Export images…</source>
        <translation>导出图像…</translation>
    </message>
    <message>
        <source>Save the original, both reconstructions and the error maps as PNG</source>
        <translation>将原图、两种重建结果和误差图保存为 PNG</translation>
    </message>
    <message>
        <source>Export reconstructions to</source>
        <translation>将重建结果导出到</translation>
    </message>
    <message>
        <source>Hold the tier C training between two steps</source>
        <translation>在两步之间暂停 C 级训练</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Cancel the running computation; the last result stays on screen</source>
        <translation>取消正在进行的计算；最后的结果保留在屏幕上</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>图像：%1</translation>
    </message>
    <message>
        <source>. Images over %1 px on the long side are downscaled.</source>
        <translation>。长边超过 %1 px 的图像会被缩小。</translation>
    </message>
    <message>
        <source>Image reconstruction</source>
        <translation>图像重建</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::ReflowFigure</name>
    <message>
        <source>Click or drag to add drawn target points (target p1: drawn points)</source>
        <translation>单击或拖动以添加手绘目标点（目标 p1：手绘点）</translation>
    </message>
    <message>
        <source>Exact 1-RF velocity: ρ_t, v(x, t) and particles at t = %1</source>
        <translation>精确的 1-RF 速度场：ρ_t、v(x, t) 以及 t = %1 时的粒子</translation>
    </message>
    <message>
        <source>ρ_t</source>
        <translation>ρ_t</translation>
    </message>
    <message>
        <source>%1 particles, %2 × %3 steps (%4 evaluations). White: %5 trajectories t = 0 → 1; orange: particles at t = %6; pink: v(x, t) on a %7 × %7 lattice (longest arrow = 0.9 cells). Heat map: ρ_t in closed form. %8</source>
        <translation>%1 个粒子，%2 × %3 步（%4 次求值）。白色：%5 条轨迹 t = 0 → 1；橙色：t = %6 时的粒子；粉色：%7 × %7 格点上的 v(x, t)（最长箭头 = 0.9 格）。热力图：ρ_t 的闭式解。%8</translation>
    </message>
    <message>
        <source>The first %1 of %2</source>
        <translation>%2 个中的前 %1 个</translation>
    </message>
    <message>
        <source>Integrating the other particles…</source>
        <translation>正在积分其余粒子…</translation>
    </message>
    <message>
        <source>Computed in %1 ms.</source>
        <translation>计算用时 %1 ms。</translation>
    </message>
    <message>
        <source>Random pairs cross; the ReFlow ODE paths do not</source>
        <translation>随机配对会交叉，ReFlow 的 ODE 路径不会</translation>
    </message>
    <message>
        <source>%1 random pairs (x0, x1), straight</source>
        <translation>%1 个随机配对 (x0, x1)，直线连接</translation>
    </message>
    <message>
        <source>ODE paths from the same x0</source>
        <translation>从相同 x0 出发的 ODE 路径</translation>
    </message>
    <message>
        <source>Independent coupling cost E‖X1 − X0‖² = %1. The velocity field is the conditional mean E[x1 − x0 | x_t] (Su, kexue.fm/archives/9497), a function of (x, t), so its paths cannot cross. Red: target samples.</source>
        <translation>独立配对的代价 E‖X1 − X0‖² = %1。速度场是条件期望 E[x1 − x0 | x_t]（苏剑林，kexue.fm/archives/9497），它是 (x, t) 的函数，所以其路径不会交叉。红色：目标样本。</translation>
    </message>
    <message>
        <source>MLP</source>
        <translation>MLP</translation>
    </message>
    <message>
        <source>NW kernel</source>
        <translation>NW 核回归</translation>
    </message>
    <message>
        <source>RFF ridge</source>
        <translation>RFF 岭回归</translation>
    </message>
    <message>
        <source>1-RF (exact) vs 2-RF (%1 on reflow pairs), same z0 and solver, N = %2</source>
        <translation>1-RF（精确）与 2-RF（在 reflow 配对上用 %1 拟合），相同的 z0 与求解器，N = %2</translation>
    </message>
    <message>
        <source>(computing…)</source>
        <translation>（计算中…）</translation>
    </message>
    <message>
        <source>1-RF trajectories</source>
        <translation>1-RF 轨迹</translation>
    </message>
    <message>
        <source>2-RF trajectories</source>
        <translation>2-RF 轨迹</translation>
    </message>
    <message>
        <source>Straightness Ŝ = %1, Ŝ / E‖Z1−Z0‖² = %2&lt;br&gt;Transport cost E‖Z1−Z0‖² = %3 (independent %4)&lt;br&gt;Quality: target NLL %5 (ideal %6), SW2² %7</source>
        <translation>直度 Ŝ = %1，Ŝ / E‖Z1−Z0‖² = %2&lt;br&gt;传输代价 E‖Z1−Z0‖² = %3（独立配对 %4）&lt;br&gt;质量：目标 NLL %5（理想值 %6），SW2² %7</translation>
    </message>
    <message>
        <source>&lt;br&gt;%1 fit residual %2</source>
        <translation>&lt;br&gt;%1 拟合残差 %2</translation>
    </message>
    <message>
        <source>Quality vs function evaluations (target NLL, lower is better)</source>
        <translation>质量与函数求值次数（目标 NLL，越低越好）</translation>
    </message>
    <message>
        <source>Euler</source>
        <translation>Euler</translation>
    </message>
    <message>
        <source>Heun</source>
        <translation>Heun</translation>
    </message>
    <message>
        <source>RK4</source>
        <translation>RK4</translation>
    </message>
    <message>
        <source>1-RF (exact velocity)</source>
        <translation>1-RF（精确速度场）</translation>
    </message>
    <message>
        <source>2-RF (%1)</source>
        <translation>2-RF（%1）</translation>
    </message>
    <message>
        <source>NFE</source>
        <translation>NFE</translation>
    </message>
    <message>
        <source>NLL (nats)</source>
        <translation>NLL (nats)</translation>
    </message>
    <message>
        <source>ideal</source>
        <translation>理想值</translation>
    </message>
    <message>
        <source>N = 1, 2, 4, … 32 steps; NFE = N × (1, 2, 4). One Euler step of the 1-RF sends every sample to E[x1]; the straighter 2-RF is far better at 1–2 evaluations, and its floor is the fit error of the %1 velocity (it smears modes where the 1-RF map splits), not the solver.</source>
        <translation>N = 1, 2, 4, … 32 步；NFE = N × (1, 2, 4)。1-RF 的单步 Euler 会把每个样本都送到 E[x1]；更直的 2-RF 在 1–2 次求值时要好得多，其下限来自 %1 速度场的拟合误差（在 1-RF 映射分叉处它会把模态抹开），而不是求解器。</translation>
    </message>
    <message>
        <source>Reflow rounds k: straightness and transport cost</source>
        <translation>Reflow 轮数 k：直度与传输代价</translation>
    </message>
    <message>
        <source>Straightness</source>
        <translation>直度</translation>
    </message>
    <message>
        <source>round k</source>
        <translation>第 k 轮</translation>
    </message>
    <message>
        <source>Ŝ</source>
        <translation>Ŝ</translation>
    </message>
    <message>
        <source>Ŝ / cost</source>
        <translation>Ŝ / 代价</translation>
    </message>
    <message>
        <source>Transport cost E‖Z1−Z0‖²</source>
        <translation>传输代价 E‖Z1−Z0‖²</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <source>k-RF</source>
        <translation>k-RF</translation>
    </message>
    <message>
        <source>independent</source>
        <translation>独立配对</translation>
    </message>
    <message>
        <source>k = 1 is the exact velocity; each later round draws fresh z0, integrates the previous flow (RK4, 32 steps) and fits a %1 velocity on the pairs (reflow as in Liu et al. 2023).</source>
        <translation>k = 1 为精确速度场；之后每一轮重新抽取 z0，积分上一轮的流（RK4，32 步），并在所得配对上拟合一个 %1 速度场（即 Liu 等，2023 中的 reflow）。</translation>
    </message>
    <message>
        <source> k=%1: Ŝ %2, NLL %3.</source>
        <translation> k=%1：Ŝ %2，NLL %3。</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;float32&lt;/b&gt; particles: within %1 of float64 (largest position difference, first %2 particles, every frame).</source>
        <translation>&lt;br&gt;&lt;b&gt;float32&lt;/b&gt; 粒子：与 float64 相差不超过 %1（前 %2 个粒子在每一帧上的最大位置差）。</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::ReflowPage</name>
    <message>
        <source>Su Jianlin, “Diffusion models (17): building an ODE, part 3 — ReFlow” (2023), kexue.fm/archives/9497; Liu et al. 2022, arXiv:2209.03003</source>
        <translation>苏剑林，《生成扩散模型漫谈（十七）：构建ODE的一般步骤（下）》（2023），kexue.fm/archives/9497；Liu 等，2022，arXiv:2209.03003</translation>
    </message>
    <message>
        <source>Distributions</source>
        <translation>分布</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>流</translation>
    </message>
    <message>
        <source>Reflow rounds</source>
        <translation>Reflow 轮次</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Image not loaded, keeping the previous target: %1</source>
        <translation>图像未能载入，保留之前的目标：%1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>Use an image&apos;s grey levels as the target density (PNG, JPEG, BMP, TIFF or WebP)</source>
        <translation>以图像的灰度作为目标密度（PNG、JPEG、BMP、TIFF 或 WebP）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Remove the last drawn stroke</source>
        <translation>删除最后一笔手绘</translation>
    </message>
    <message>
        <source>Clear drawn</source>
        <translation>清除手绘</translation>
    </message>
    <message>
        <source>Start a new drawn target with one point at the origin</source>
        <translation>重新开始手绘目标，只在原点保留一个点</translation>
    </message>
    <message>
        <source>Play the cached frames from the current one</source>
        <translation>从当前帧开始播放缓存的帧</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Next cached frame</source>
        <translation>下一缓存帧</translation>
    </message>
    <message>
        <source>Time t: the cached frame shown (the flow is not recomputed)</source>
        <translation>时间 t：显示的缓存帧（不会重新计算流）</translation>
    </message>
    <message>
        <source>ReFlow</source>
        <translation>ReFlow 整流</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::ReflowWganFigure</name>
    <message>
        <source>&lt;b&gt;Expected:&lt;/b&gt; D is high (red) on the data and low (blue) on the particle cloud; the arrows ∇D point from the cloud to the data and fade to zero as the cloud matches it (0-centred penalty: the update is stationary at p0 = p1). With 8 Gaussians at the defaults SW2 falls from ≈ 0.9 to ≈ 0.15 in 60 rounds and every mode fills — no mode collapse. The residual NLL gap reflects the critic&apos;s smoothness ℓ against the mode width.</source>
        <translation>&lt;b&gt;预期：&lt;/b&gt;D 在数据上取高值（红），在粒子云上取低值（蓝）；箭头 ∇D 从粒子云指向数据，并随粒子云与数据吻合而减弱到零（0 中心惩罚：p0 = p1 时更新是平稳的）。在默认设置的 8 个高斯下，SW2 在 60 轮内从 ≈ 0.9 降到 ≈ 0.15，所有模态都被填满——没有模式坍缩。剩余的 NLL 差距反映的是判别器（critic）的光滑尺度 ℓ 相对于模态宽度的大小。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Expected:&lt;/b&gt; a least-squares field v = Bᵀφ(x) without the gradient constraint also carries the cloud to the data; there is no scalar critic, so the heat map shows ‖v‖. Compare with the gradient variant: similar transport, but v is not a conservative field.</source>
        <translation>&lt;b&gt;预期：&lt;/b&gt;不带梯度约束的最小二乘场 v = Bᵀφ(x) 同样能把粒子云运到数据上；这里没有标量判别器，所以热力图显示的是 ‖v‖。与梯度版本相比：传输效果相近，但 v 不是保守场。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Expected:&lt;/b&gt; the exact ReFlow velocity at t = 0 with an independent coupling is v*(x, 0) = E[x1] − x, so every particle is pulled to the data mean: the cloud collapses to the centre even though the data are a ring. The heat map shows ‖v(x, 0)‖.</source>
        <translation>&lt;b&gt;预期：&lt;/b&gt;在独立配对下，t = 0 处的精确 ReFlow 速度为 v*(x, 0) = E[x1] − x，于是每个粒子都被拉向数据均值：即使数据是一个圆环，粒子云也会坍缩到中心。热力图显示 ‖v(x, 0)‖。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Expected:&lt;/b&gt; the 1-centred penalty (‖∇D‖ − 1)² keeps the arrows at unit length; a warm-started critic sits at |∇D| ≈ 1 and moves every particle at the same speed, so particles overshoot and mean ‖∇D‖ does not fall to 0 (re-initialising the critic each round is the fair comparison toggle).</source>
        <translation>&lt;b&gt;预期：&lt;/b&gt;1 中心惩罚 (‖∇D‖ − 1)² 使箭头保持单位长度；热启动的判别器停留在 |∇D| ≈ 1，以相同速度推动每个粒子，因此粒子会越过目标，平均 ‖∇D‖ 不会降到 0（每轮重新初始化判别器才是公平的对比开关）。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generator (Su, kexue.fm/archives/9668):&lt;/b&gt; the samples are G(z) = W2 tanh(W1 z + b1) + b2 for fresh z ~ N(0, I) each round; the critic&apos;s field moves G&apos;s parameters by K_g Adam steps toward G(z) + ε∇D(G(z)) (K_g = 1 is one WGAN generator step on −D). A small generator is smoother than free particles: modes fill more slowly and thin bridges between them remain, since one tanh layer cannot cut the latent plane sharply.</source>
        <translation>&lt;b&gt;生成器（苏剑林，kexue.fm/archives/9668）：&lt;/b&gt;样本为 G(z) = W2 tanh(W1 z + b1) + b2，每轮重新抽取 z ~ N(0, I)；判别器的场通过 K_g 步 Adam 把 G 的参数推向 G(z) + ε∇D(G(z))（K_g = 1 即在 −D 上做一步 WGAN 生成器更新）。小生成器比自由粒子更光滑：模态填充得更慢，模态之间还会残留细桥，因为单层 tanh 无法把隐平面切分得很锐利。</translation>
    </message>
    <message>
        <source>Sliced W2 to data</source>
        <translation>到数据的切片 W2</translation>
    </message>
    <message>
        <source>round</source>
        <translation>轮</translation>
    </message>
    <message>
        <source>SW2</source>
        <translation>SW2</translation>
    </message>
    <message>
        <source>Critic D and ∇D — round %1 of %2</source>
        <translation>判别器 D 与 ∇D — 第 %1 / %2 轮</translation>
    </message>
    <message>
        <source>Field ‖v‖ and v — round %1 of %2</source>
        <translation>场 ‖v‖ 与 v — 第 %1 / %2 轮</translation>
    </message>
    <message>
        <source>D − mean D</source>
        <translation>D − D 的均值</translation>
    </message>
    <message>
        <source>‖v‖</source>
        <translation>‖v‖</translation>
    </message>
    <message>
        <source>generator samples G(z)</source>
        <translation>生成器样本 G(z)</translation>
    </message>
    <message>
        <source>particles</source>
        <translation>粒子</translation>
    </message>
    <message>
        <source>real samples</source>
        <translation>真实样本</translation>
    </message>
    <message>
        <source>interpolants x_t</source>
        <translation>插值点 x_t</translation>
    </message>
    <message>
        <source>arrows: ∇D</source>
        <translation>箭头：∇D</translation>
    </message>
    <message>
        <source>arrows: v</source>
        <translation>箭头：v</translation>
    </message>
    <message>
        <source>exact v*(x, 0) = E[x1] − x</source>
        <translation>精确 v*(x, 0) = E[x1] − x</translation>
    </message>
    <message>
        <source>cos(λ∇D, v*(·,0)) %1 · scale %2</source>
        <translation>cos(λ∇D, v*(·,0)) %1 · 缩放 %2</translation>
    </message>
    <message>
        <source>cos(v, v*(·,0)) %1 · scale %2</source>
        <translation>cos(v, v*(·,0)) %1 · 缩放 %2</translation>
    </message>
    <message>
        <source>distance %1 · SW2 %2 · NLL %3 (real %4) · mean ‖∇D‖ %5 · loss %6</source>
        <translation>距离 %1 · SW2 %2 · NLL %3（真实 %4）· 平均 ‖∇D‖ %5 · 损失 %6</translation>
    </message>
    <message>
        <source>mean ‖v(x_t)‖² %1 · SW2 %2 · NLL %3 (real %4) · mean ‖v‖ %5 · regression loss %6</source>
        <translation>平均 ‖v(x_t)‖² %1 · SW2 %2 · NLL %3（真实 %4）· 平均 ‖v‖ %5 · 回归损失 %6</translation>
    </message>
    <message>
        <source> · G-move residual %1</source>
        <translation> · G 移动残差 %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Triangle:&lt;/b&gt; the tutorial&apos;s modes sit 10 units out, so the view widens to ±11.5. At ℓ = 0.5 the critic is too wiggly for that scale and particles stream along ridges; ℓ ≈ 2 carries them onto the three modes.</source>
        <translation>&lt;b&gt;三角形：&lt;/b&gt;教程中的模态位于 10 个单位之外，所以视野扩大到 ±11.5。ℓ = 0.5 时，判别器相对这一尺度起伏太大，粒子沿着脊线流动；ℓ ≈ 2 才能把它们运到三个模态上。</translation>
    </message>
    <message>
        <source>&lt;b&gt;v*(x, 0):&lt;/b&gt; the exact ReFlow velocity at t = 0 sends every point to the data mean. Su&apos;s field λ∇D approximates the time-averaged velocity instead (Su, kexue.fm/archives/9668): with the 8 Gaussians, while the cloud sits inside the ring, the two point in opposite directions (cosine near −1 at round 0); the t = 0 slice variant learns v* itself (positive cosine, noisy at small N).</source>
        <translation>&lt;b&gt;v*(x, 0)：&lt;/b&gt;t = 0 处的精确 ReFlow 速度把每个点都送到数据均值。而苏剑林的场 λ∇D 近似的是时间平均的速度（苏剑林，kexue.fm/archives/9668）：在 8 个高斯下，当粒子云还在圆环内部时，二者方向相反（第 0 轮余弦接近 −1）；t = 0 切片版本学到的正是 v* 本身（余弦为正，N 小时噪声较大）。</translation>
    </message>
    <message>
        <source>Over rounds (marker: round %1)</source>
        <translation>随轮次的变化（标记：第 %1 轮）</translation>
    </message>
    <message>
        <source>Distance read-out</source>
        <translation>距离读数</translation>
    </message>
    <message>
        <source>Mean ‖v(x_t)‖²</source>
        <translation>平均 ‖v(x_t)‖²</translation>
    </message>
    <message>
        <source>distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <source>Target NLL</source>
        <translation>目标 NLL</translation>
    </message>
    <message>
        <source>NLL</source>
        <translation>NLL</translation>
    </message>
    <message>
        <source>Mean ‖∇D‖ at particles</source>
        <translation>粒子处的平均 ‖∇D‖</translation>
    </message>
    <message>
        <source>Mean ‖v‖ at particles</source>
        <translation>粒子处的平均 ‖v‖</translation>
    </message>
    <message>
        <source>‖∇D‖</source>
        <translation>‖∇D‖</translation>
    </message>
    <message>
        <source>Critic loss</source>
        <translation>判别器损失</translation>
    </message>
    <message>
        <source>Regression loss</source>
        <translation>回归损失</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>&lt;b&gt;Generator:&lt;/b&gt; the samples are G(z) for fresh z each round (see the critic field&apos;s note).</source>
        <translation>&lt;b&gt;生成器：&lt;/b&gt;样本为每轮重新抽取 z 得到的 G(z)（见判别器场的说明）。</translation>
    </message>
    <message>
        <source>NLL: exact mixture for the Gaussian presets, KDE (h = 0.1) of 2000 reference samples otherwise; dashed: the real samples&apos; NLL.</source>
        <translation>NLL：高斯预设用精确的混合密度，其他情况用 2000 个参考样本的 KDE（h = 0.1）；虚线：真实样本的 NLL。</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::ReflowWganPage</name>
    <message>
        <source>Su Jianlin, “Diffusion models (20): from ReFlow to WGAN-GP” (2023), kexue.fm/archives/9668; Gulrajani et al. 2017, arXiv:1704.00028</source>
        <translation>苏剑林，《生成扩散模型漫谈（二十）：从ReFlow到WGAN-GP》（2023），kexue.fm/archives/9668；Gulrajani 等，2017，arXiv:1704.00028</translation>
    </message>
    <message>
        <source>Set-up</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>RFF critic</source>
        <translation>RFF 判别器</translation>
    </message>
    <message>
        <source>MLP critic</source>
        <translation>MLP 判别器</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>生成器</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Click and drag to draw target points</source>
        <translation>单击并拖动以绘制目标点</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Show round 0 (the starting cloud)</source>
        <translation>显示第 0 轮（初始粒子云）</translation>
    </message>
    <message>
        <source>◀ Step</source>
        <translation>◀ 单步</translation>
    </message>
    <message>
        <source>Scrub through the computed rounds</source>
        <translation>拖动浏览已计算的各轮</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>单步 ▶</translation>
    </message>
    <message>
        <source>Clear drawn</source>
        <translation>清除手绘</translation>
    </message>
    <message>
        <source>Remove the drawn target points (click and drag on the canvas to draw)</source>
        <translation>删除手绘的目标点（在画布上单击并拖动即可绘制）</translation>
    </message>
    <message>
        <source>Move:</source>
        <translation>移动：</translation>
    </message>
    <message>
        <source>particles</source>
        <translation>粒子</translation>
    </message>
    <message>
        <source>Free particles x0 ← x0 + ε∇D(x0)</source>
        <translation>自由粒子 x0 ← x0 + ε∇D(x0)</translation>
    </message>
    <message>
        <source>generator G(z)</source>
        <translation>生成器 G(z)</translation>
    </message>
    <message>
        <source>A one-hidden-layer generator trained toward G(z) + ε∇D(G(z)) (Su, kexue.fm/archives/9668)</source>
        <translation>朝 G(z) + ε∇D(G(z)) 训练的单隐层生成器（苏剑林，kexue.fm/archives/9668）</translation>
    </message>
    <message>
        <source>round %1 / %2</source>
        <translation>第 %1 / %2 轮</translation>
    </message>
    <message>
        <source>ReFlow → WGAN-GP</source>
        <translation>从 ReFlow 到 WGAN-GP</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::StackedBarsWidget</name>
    <message>
        <source>%1 — %2: %3 %4</source>
        <translation>%1 — %2：%3 %4</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::TopkFigure</name>
    <message>
        <source>hard T_k</source>
        <translation>硬 T_k</translation>
    </message>
    <message>
        <source>reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <source>p per method against hard T_k (k = %1) — red: outside [0, 1] or order broken</source>
        <translation>各方法的 p 与硬 T_k 对比（k = %1）— 红色：超出 [0, 1] 或顺序被打乱</translation>
    </message>
    <message>
        <source>p_i</source>
        <translation>p_i</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=2&gt;&lt;tr&gt;&lt;th align=left&gt;method&lt;/th&gt;&lt;th&gt;Σp&lt;/th&gt;&lt;th&gt;min&lt;/th&gt;&lt;th&gt;max&lt;/th&gt;&lt;th&gt;λ (z-units)&lt;/th&gt;&lt;th&gt;‖p − T_k‖₁&lt;/th&gt;&lt;th&gt;note&lt;/th&gt;&lt;/tr&gt;%1&lt;/table&gt;Hard T_k breaks ties by the lower index.</source>
        <translation>&lt;table cellspacing=2&gt;&lt;tr&gt;&lt;th align=left&gt;方法&lt;/th&gt;&lt;th&gt;Σp&lt;/th&gt;&lt;th&gt;最小&lt;/th&gt;&lt;th&gt;最大&lt;/th&gt;&lt;th&gt;λ（z 单位）&lt;/th&gt;&lt;th&gt;‖p − T_k‖₁&lt;/th&gt;&lt;th&gt;备注&lt;/th&gt;&lt;/tr&gt;%1&lt;/table&gt;硬 T_k 在并列时取下标较小者。</translation>
    </message>
    <message>
        <source>Scores and thresholds τ·λ (x-units)</source>
        <translation>分数与阈值 τ·λ（x 单位）</translation>
    </message>
    <message>
        <source>scores x_i</source>
        <translation>分数 x_i</translation>
    </message>
    <message>
        <source>%1: every p_i as x%2 moves</source>
        <translation>%1：x%2 变化时的各个 p_i</translation>
    </message>
    <message>
        <source>x%1</source>
        <translation>x%1</translation>
    </message>
    <message>
        <source>hard T_k, entry %1</source>
        <translation>硬 T_k，分量 %1</translation>
    </message>
    <message>
        <source>current x%1</source>
        <translation>当前 x%1</translation>
    </message>
    <message>
        <source>p%1 as x%1 moves, per method</source>
        <translation>x%1 变化时各方法的 p%1</translation>
    </message>
    <message>
        <source>p%1</source>
        <translation>p%1</translation>
    </message>
    <message>
        <source>%1: p_i from T_k (small τ) to k/n (large τ)</source>
        <translation>%1：p_i 从 T_k（小 τ）到 k/n（大 τ）</translation>
    </message>
    <message>
        <source>τ</source>
        <translation>τ</translation>
    </message>
    <message>
        <source>current τ</source>
        <translation>当前 τ</translation>
    </message>
    <message>
        <source>‖ST_k − T_k‖₁ against τ: decay e^(−gap/τ) or e^(−gap/2τ)</source>
        <translation>‖ST_k − T_k‖₁ 随 τ 的变化：按 e^(−gap/τ) 或 e^(−gap/2τ) 衰减</translation>
    </message>
    <message>
        <source>‖ST − T‖₁</source>
        <translation>‖ST − T‖₁</translation>
    </message>
    <message>
        <source>Jacobian ∂p_i/∂x_j — %1 (%2)</source>
        <translation>雅可比矩阵 ∂p_i/∂x_j — %1（%2）</translation>
    </message>
    <message>
        <source>x_j</source>
        <translation>x_j</translation>
    </message>
    <message>
        <source>itself estimated (%1)</source>
        <translation>本身即为估计（%1）</translation>
    </message>
    <message>
        <source>max |analytic − finite difference| = %1</source>
        <translation>max |解析 − 有限差分| = %1</translation>
    </message>
    <message>
        <source>trace J = %1 · ½‖J‖₁ = %2 · %3 · %4</source>
        <translation>trace J = %1 · ½‖J‖₁ = %2 · %3 · %4</translation>
    </message>
    <message>
        <source>symmetric</source>
        <translation>对称</translation>
    </message>
    <message>
        <source>not symmetric (max |J − Jᵀ| = %1)</source>
        <translation>不对称（max |J − Jᵀ| = %1）</translation>
    </message>
    <message>
        <source>Gradient magnitude trace J against τ (vanishes as τ → 0)</source>
        <translation>梯度大小 trace J 随 τ 的变化（τ → 0 时趋于零）</translation>
    </message>
    <message>
        <source>trace J</source>
        <translation>trace J</translation>
    </message>
    <message>
        <source>trace J as x%1 moves</source>
        <translation>x%1 变化时的 trace J</translation>
    </message>
    <message>
        <source>Click an entry to load it: x, k, τ and the method are set and every view updates. Each entry names the article or paper it checks.</source>
        <translation>单击某个条目即可载入：x、k、τ 与方法都会被设置，所有视图随之更新。每个条目都注明了它所检验的文章或论文。</translation>
    </message>
    <message>
        <source>%1
%2
x = [%3], k = %4, τ = %5, %6</source>
        <translation>%1
%2
x = [%3]，k = %4，τ = %5，%6</translation>
    </message>
    <message>
        <source>Click to load this example</source>
        <translation>单击载入此示例</translation>
    </message>
    <message>
        <source>%1 scores</source>
        <translation>%1 个分数</translation>
    </message>
    <message>
        <source>Smooth Top-k — x = [%1], k = %2, τ = %3, focus: %4</source>
        <translation>光滑 Top-k — x = [%1]，k = %2，τ = %3，聚焦：%4</translation>
    </message>
    <message>
        <source>λ (z-units)</source>
        <translation>λ（z 单位）</translation>
    </message>
    <message>
        <source>F(λ) = Σ f(z_i − λ)</source>
        <translation>F(λ) = Σ f(z_i − λ)</translation>
    </message>
    <message>
        <source>%1: solving F(λ) = k</source>
        <translation>%1：求解 F(λ) = k</translation>
    </message>
    <message>
        <source>%1: solving F(λ) = k (focus %2 has no λ)</source>
        <translation>%1：求解 F(λ) = k（聚焦的 %2 没有 λ）</translation>
    </message>
    <message>
        <source>F(λ)</source>
        <translation>F(λ)</translation>
    </message>
    <message>
        <source>solver iterates</source>
        <translation>求解器迭代点</translation>
    </message>
    <message>
        <source>F = k</source>
        <translation>F = k</translation>
    </message>
    <message>
        <source>bracket low</source>
        <translation>区间下界</translation>
    </message>
    <message>
        <source>bracket high</source>
        <translation>区间上界</translation>
    </message>
    <message>
        <source>λ*</source>
        <translation>λ*</translation>
    </message>
    <message>
        <source>%1: λ = %2 (z-units), τλ = %3 (x-units), %4 iterations, |Σp − k| = %5</source>
        <translation>%1：λ = %2（z 单位），τλ = %3（x 单位），%4 次迭代，|Σp − k| = %5</translation>
    </message>
    <message>
        <source>, m = %1 saturated entries</source>
        <translation>，m = %1 个饱和分量</translation>
    </message>
    <message>
        <source>, λ not unique (p is)</source>
        <translation>，λ 不唯一（p 唯一）</translation>
    </message>
    <message>
        <source>. Initial bracket [%1, %2].</source>
        <translation>。初始区间 [%1, %2]。</translation>
    </message>
    <message>
        <source>Threshold functions f(u) (solid) and f′(u) (dashed), entmax α = %1</source>
        <translation>阈值函数 f(u)（实线）与 f′(u)（虚线），entmax α = %1</translation>
    </message>
    <message>
        <source>u</source>
        <translation>u</translation>
    </message>
    <message>
        <source>f, f′</source>
        <translation>f, f′</translation>
    </message>
    <message>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <source>ovf</source>
        <translation>溢出</translation>
    </message>
    <message>
        <source>Article&apos;s recursion: max error (red &gt; 1e-6)</source>
        <translation>文中的递推：最大误差（红色 &gt; 1e-6）</translation>
    </message>
    <message>
        <source>Log-space DP: max error against enumeration</source>
        <translation>对数空间 DP：相对枚举的最大误差</translation>
    </message>
    <message>
        <source>Smooth top-k sum minus the hard sum %1: 0 ≤ τ·log Z_k(x/τ) − Σ ≤ τ·log C(n, k)</source>
        <translation>光滑 Top-k 和减去硬和 %1：0 ≤ τ·log Z_k(x/τ) − Σ ≤ τ·log C(n, k)</translation>
    </message>
    <message>
        <source>excess</source>
        <translation>超出量</translation>
    </message>
    <message>
        <source>τ·log Z_k − Σ</source>
        <translation>τ·log Z_k − Σ</translation>
    </message>
    <message>
        <source>bound τ·log C(n, k)</source>
        <translation>上界 τ·log C(n, k)</translation>
    </message>
    <message>
        <source>✓ holds</source>
        <translation>✓ 成立</translation>
    </message>
    <message>
        <source>✗ fails</source>
        <translation>✗ 不成立</translation>
    </message>
    <message>
        <source>Checked live on x and k = %1, τ = %2: Σp = k to 1e-9; p in [0, 1]; weakly monotone; ST(x + 10) = ST(x); ST_k(x) = 1 − ST_(n−k)(−x); equals softmax(x/τ) at k = 1.</source>
        <translation>在当前 x 及 k = %1、τ = %2 上实时检验：Σp = k（精度 1e-9）；p 在 [0, 1] 内；弱单调；ST(x + 10) = ST(x)；ST_k(x) = 1 − ST_(n−k)(−x)；k = 1 时等于 softmax(x/τ)。</translation>
    </message>
    <message>
        <source>Time per call against n (median, this machine)</source>
        <translation>每次调用耗时随 n 的变化（中位数，本机）</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Not measured: the timing runs on request in the app.</source>
        <translation>尚未测量：计时需在应用中手动启动。</translation>
    </message>
    <message>
        <source>Press “Measure speed” to time every shown method for n = 10² … 10⁶ in the background (random Gaussian scores, k = 16).</source>
        <translation>点击“测速”，在后台对每个显示的方法计时，n = 10² … 10⁶（随机高斯分数，k = 16）。</translation>
    </message>
    <message>
        <source>O(n) guide</source>
        <translation>O(n) 参考线</translation>
    </message>
    <message>
        <source>O(n log n) guide</source>
        <translation>O(n log n) 参考线</translation>
    </message>
    <message>
        <source>O(n·k) guide, k = 16</source>
        <translation>O(n·k) 参考线，k = 16</translation>
    </message>
    <message>
        <source>Medians of repeated calls; missing points were skipped as too slow. Guides start at the fastest method&apos;s first point.</source>
        <translation>重复调用的中位数；过慢的点已跳过。参考线从最快方法的第一个点起画。</translation>
    </message>
    <message>
        <source>Su iteration</source>
        <translation>Su 迭代</translation>
    </message>
    <message>
        <source>SE iteration</source>
        <translation>SE 迭代</translation>
    </message>
    <message>
        <source>GradTopK</source>
        <translation>GradTopK</translation>
    </message>
    <message>
        <source>Thre-exp</source>
        <translation>Thre-exp</translation>
    </message>
    <message>
        <source>Thre-sigmoid</source>
        <translation>Thre-sigmoid</translation>
    </message>
    <message>
        <source>Thre-Laplace</source>
        <translation>Thre-Laplace</translation>
    </message>
    <message>
        <source>Thre-clip</source>
        <translation>Thre-clip</translation>
    </message>
    <message>
        <source>Thre-entmax</source>
        <translation>Thre-entmax</translation>
    </message>
    <message>
        <source>OT</source>
        <translation>OT</translation>
    </message>
    <message>
        <source>Gumbel</source>
        <translation>Gumbel</translation>
    </message>
    <message>
        <source>Gauss</source>
        <translation>高斯</translation>
    </message>
    <message>
        <source>%1 (OpenCL)</source>
        <translation>%1（OpenCL）</translation>
    </message>
    <message>
        <source> Solid: the CPU; dashed: the same method on %1 (the thresholds and Su&apos;s iteration have a device path, the others run on the CPU only).</source>
        <translation> 实线：CPU；虚线：同一方法在 %1 上（阈值类方法和 Su 迭代有设备实现，其余方法只在 CPU 上运行）。</translation>
    </message>
    <message>
        <source> The device was not timed: %1.</source>
        <translation> 未在设备上计时：%1。</translation>
    </message>
</context>
<context>
    <name>latentlab::ui::TopkPage</name>
    <message>
        <source>Measure speed</source>
        <translation>测速</translation>
    </message>
    <message>
        <source>Su Jianlin, “Softmax sequel: looking for a smooth approximation of Top-k” (2024), kexue.fm/archives/10373</source>
        <translation>苏剑林，《Softmax后传：寻找Top-K的光滑近似》（2024），kexue.fm/archives/10373</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Methods shown</source>
        <translation>显示的方法</translation>
    </message>
    <message>
        <source>Method options</source>
        <translation>方法选项</translation>
    </message>
    <message>
        <source>Response sweep</source>
        <translation>响应扫描</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Input presets…</source>
        <translation>输入预设…</translation>
    </message>
    <message>
        <source>Random Gaussian (current n, seed)</source>
        <translation>随机高斯（当前 n 与随机种子）</translation>
    </message>
    <message>
        <source>Replace the scores x; k is clamped to the new n.</source>
        <translation>替换分数 x；k 会被截断到新的 n 以内。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Smooth Top-k</source>
        <translation>光滑 Top-k</translation>
    </message>
    <message>
        <source>x = [3, 2, 1, 4]</source>
        <translation>x = [3, 2, 1, 4]</translation>
    </message>
    <message>
        <source>x = [0.5, −1.2, 2, 0, 1.1]</source>
        <translation>x = [0.5, −1.2, 2, 0, 1.1]</translation>
    </message>
    <message>
        <source>x = [0, 1, …, 9]</source>
        <translation>x = [0, 1, …, 9]</translation>
    </message>
    <message>
        <source>Time every shown method for n = 10² … 10⁶ in the background, on the CPU and, when one is chosen (View ▸ Device), the thresholds and Su&apos;s iteration on the OpenCL device too</source>
        <translation>在后台对每个显示的方法计时，n = 10² … 10⁶，在 CPU 上测量；若已选择 OpenCL 设备（视图 ▸ 设备），阈值类方法和 Su 迭代也在该设备上测量</translation>
    </message>
</context>
</TS>
