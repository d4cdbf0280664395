/* The string table of the window's interface: every caption, button, message, chart
 * title and help line in English and Simplified Chinese. Names of surfaces,
 * optimisers, colour maps and schedules are identifiers and stay as they are, and
 * so do formulas. tests/app/test_strings.c checks both columns of every row. */
#include "strings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const table[STR_COUNT][LANG_COUNT] = {
    [STR_WELCOME] = {"Click the plot to start gradient descent there. H shows the keys.",
                     "单击图像，从该点开始梯度下降。按 H 查看按键。"},
    [STR_MAX_PATHS] = {"At most %d paths: press C to clear them.",
                       "最多 %d 条路径：按 C 清除。"},
    [STR_FOCUS_SELECTED] = {"the selected path's current point", "所选路径的当前点"},
    [STR_FOCUS_MOUSE] = {"the point under the mouse", "鼠标所指的点"},
    [STR_FOCUS_CENTRE] = {"the view's centre (click the plot for a path)",
                          "视图中心（单击图像添加路径）"},
    [STR_EXPR_ERROR] = {"f(x, y): %s (the previous surface stays)", "f(x, y)：%s（保留原曲面）"},
    [STR_EXPR_SURFACE] = {"Surface: f(x, y) = %s", "曲面：f(x, y) = %s"},
    [STR_SAVE_NO_NAME] = {"Cannot save the scene: no file name is free in %s",
                          "无法保存场景：%s 中没有可用的文件名"},
    [STR_SAVED_SCENE] = {"Saved the scene to %s", "场景已保存到 %s"},
    [STR_OPEN_OOM] = {"Out of memory opening %s", "打开 %s 时内存不足"},
    [STR_OPEN_KEPT] = {"%s (the current scene is kept)", "%s（保留当前场景）"},
    [STR_OPENED] = {"Opened %s", "已打开 %s"},
    [STR_OPENED_KEPT_UNSAVED] = {"Opened %s; the unsaved scene before it is kept in %s",
                                 "已打开 %s；之前未保存的场景保留在 %s"},
    [STR_OPENED_LOST_UNSAVED] = {"Opened %s, but the unsaved scene before it could not be kept: %s",
                                 "已打开 %s，但之前未保存的场景无法保留：%s"},
    [STR_RESTORED] = {"Reopened the scene left unsaved last time (%s); Ctrl+S saves it",
                      "已恢复上次未保存的场景（%s）；按 Ctrl+S 保存"},
    [STR_RESTORE_BAD] = {"The autosaved scene cannot be reopened: %s",
                         "无法恢复自动保存的场景：%s"},
    [STR_EXPORT_NO_NAME] = {"Cannot export: no file name is free in %s",
                            "无法导出：%s 中没有可用的文件名"},
    [STR_CANNOT_WRITE] = {"%s: cannot write: %s", "%s：无法写入：%s"},
    [STR_EXPORTED] = {"Exported %d paths to %s", "已将 %d 条路径导出到 %s"},
    [STR_REMOVED_START] = {"Removed a start point.", "已删除一个起点。"},
    [STR_NEW_PATH] = {"New path from (%.4g, %.4g).", "从 (%.4g, %.4g) 开始新路径。"},
    [STR_BASINS_OOM] = {"Out of memory for the basins.", "计算吸引域时内存不足。"},
    [STR_FULL_BATCH] = {"full batch", "全批量"},
    [STR_FIELD_OOM] = {"Out of memory for a %dx%d field.", "%dx%d 的场内存不足。"},
    [STR_SHOT_NO_NAME] = {"Cannot save a screenshot: no file name is free in %s",
                          "无法保存截图：%s 中没有可用的文件名"},
    [STR_SHOT_SAVED] = {"Saved a screenshot to %s", "截图已保存到 %s"},
    [STR_PLAYING] = {"Playing.", "播放中。"},
    [STR_PAUSED] = {"Paused.", "已暂停。"},
    [STR_ONE_STEP] = {"One step (paused; Space plays).", "走一步（已暂停；空格键继续播放）。"},
    [STR_RESTARTED] = {"Restarted every path from its start.", "所有路径已从起点重新开始。"},
    [STR_CLEARED] = {"Cleared every path.", "已清除所有路径。"},
    [STR_BASINS_ON] = {"Basins: each start tinted by the minimum it reaches "
                       "(computed a little every frame).",
                       "吸引域：每个起点按其到达的极小值着色（每帧计算一部分）。"},
    [STR_BASINS_OFF] = {"Basins off.", "吸引域已关闭。"},
    [STR_VIEW_3D] = {"3-D view: drag to turn it, wheel to zoom, 3 for 2-D.",
                     "三维视图：拖动旋转，滚轮缩放，按 3 回到二维。"},
    [STR_VIEW_2D] = {"2-D view.", "二维视图。"},
    [STR_THEME_LIGHT_SET] = {"Light theme (T: high contrast).", "浅色主题（T：高对比度）。"},
    [STR_THEME_CONTRAST_SET] = {"High-contrast theme for a projector (T: light).",
                                "投影用高对比度主题（T：浅色）。"},
    [STR_LANG_SET] = {"English interface (L: 中文).", "中文界面（L：English）。"},
    [STR_SURFACE_SET] = {"Surface: %s.", "曲面：%s。"},
    [STR_RACING] = {"Racing %d optimisers from every start.", "从每个起点比较 %d 个优化器。"},
    [STR_NO_RACE] = {"No race: every start runs the optimiser above.",
                     "不比较：每个起点都运行上面的优化器。"},
    [STR_RANDOM_DRAWN] = {"%d starts drawn from a Gaussian around the view's centre.",
                          "在视图中心附近按高斯分布抽取了 %d 个起点。"},
    [STR_ZERO_START] = {"A start at zero: every weight the same (on tiny-net a saddle).",
                        "从零开始：所有权重相同（在 tiny-net 上是鞍点）。"},
    [STR_NO_SCENES] = {"No scene files in %s or %s", "%s 和 %s 中都没有场景文件"},

    [STR_SURFACE] = {"Surface", "曲面"},
    [STR_TYPED_BELOW] = {"typed below", "下方输入的"},
    [STR_OPTIMISER] = {"Optimiser", "优化器"},
    [STR_SCHEDULE] = {"Schedule", "学习率计划"},
    [STR_DECAY] = {"decay", "衰减"},
    [STR_BATCH] = {"Batch", "批量"},
    [STR_GRAD_EXACT] = {"exact", "解析"},
    [STR_GRAD_FORWARD] = {"forward", "前向"},
    [STR_GRAD_CENTRAL] = {"central", "中心"},
    [STR_PLAY] = {"Play", "播放"},
    [STR_PAUSE] = {"Pause", "暂停"},
    [STR_STEP] = {"Step", "单步"},
    [STR_RESET] = {"Reset", "重置"},
    [STR_CLEAR] = {"Clear", "清除"},
    [STR_N_RANDOM] = {"%d random", "随机 %d 个"},
    [STR_LESSONS] = {"Lessons…", "课程…"},
    [STR_SPEED] = {"Speed", "速度"},
    [STR_LEVELS] = {"Levels", "等高线"},
    [STR_SHOW] = {"Show", "显示"},
    [STR_MODE_HEAT] = {"heat", "热图"},
    [STR_MODE_CONTOUR] = {"contour", "等高线"},
    [STR_MODE_BOTH] = {"both", "两者"},
    [STR_COLOURS] = {"Colours", "配色"},
    [STR_BTN_LOG] = {"log", "对数"},
    [STR_BTN_ARROWS] = {"arrows", "箭头"},
    [STR_BTN_BASINS] = {"basins", "吸引域"},
    [STR_BTN_3D] = {"3-D", "三维"},
    [STR_BTN_LANG] = {"中文", "EN"},
    [STR_CHART] = {"Chart", "图表"},
    [STR_CHART_NONE] = {"none", "无"},
    [STR_CHART_LOSS] = {"cost per step", "每步代价"},
    [STR_CHART_SWEEP] = {"η sweep", "η 扫描"},
    [STR_CHART_MODEL] = {"data and model", "数据与模型"},
    [STR_CHART_SLICE] = {"1-D slice", "一维切片"},
    [STR_CHART_BACKPROP] = {"back-propagation", "反向传播"},
    [STR_EXPR_HINT] = {"f(x, y) = … type, then Enter", "f(x, y) = … 输入后按回车"},
    [STR_PATHS] = {"Paths (%d)", "路径（%d）"},
    [STR_CLICK_TO_START] = {"Click the plot to start a path.", "单击图像开始一条路径。"},
    [STR_PATH_LINE] = {"%s%s%sstep %d  C = %.4g  %s", "%s%s%s第 %d 步  C = %.4g  %s"},
    [STR_HOVER] = {"%s = %.4g  %s = %.4g  C = %.6g  ∇C = (%.4g, %.4g)  |∇C| = %.4g   "
                   "check, central h = %.0e: (%.4g, %.4g), rel. error %.1e",
                   "%s = %.4g  %s = %.4g  C = %.6g  ∇C = (%.4g, %.4g)  |∇C| = %.4g   "
                   "校验，中心差分 h = %.0e：(%.4g, %.4g)，相对误差 %.1e"},

    [STR_RUNNING] = {"running", "运行中"},
    [STR_CONVERGED] = {"converged", "已收敛"},
    [STR_DIVERGED] = {"diverged", "已发散"},
    [STR_STILL_MOVING] = {"still moving", "仍在移动"},
    [STR_CONVERGED_IN] = {"converged in %d steps", "%d 步后收敛"},
    [STR_DIVERGED_AT] = {"diverged at step %d", "第 %d 步发散"},
    [STR_MOVING_AFTER] = {"still moving after %d steps", "%d 步后仍在移动"},
    [STR_AND_MORE_HERE] = {"%s (and %d more here)", "%s（此处另有 %d 条）"},

    [STR_CHART_PATH_LINE] = {"%s η %.3g · %d steps · C %.3g · %s · %ld ∇, %ld f",
                             "%s η %.3g · %d 步 · C %.3g · %s · %ld 次 ∇，%ld 次 f"},
    [STR_COST_PER_ITER_LOG] = {"Cost per iteration (log scale)", "每次迭代的代价（对数坐标）"},
    [STR_COST_PER_ITER] = {"Cost per iteration", "每次迭代的代价"},
    [STR_ITERATION] = {"iteration", "迭代次数"},
    [STR_AND_N_MORE] = {"… and %d more", "… 另有 %d 条"},
    [STR_SWEEP_TITLE] = {"Final cost against η: %s from (%.3g, %.3g), ≤ %d steps",
                         "最终代价与 η 的关系：%s，起点 (%.3g, %.3g)，≤ %d 步"},
    [STR_SWEEP_PICK] = {"Final cost against η: click the plot to pick a start",
                        "最终代价与 η 的关系：单击图像选择起点"},
    [STR_LEARNING_RATE] = {"learning rate η", "学习率 η"},
    [STR_LEG_CONVERGED] = {"converged", "收敛"},
    [STR_LEG_STILL] = {"still moving (too small?)", "仍在移动（太小？）"},
    [STR_LEG_DIVERGED] = {"diverged (too large)", "发散（太大）"},
    [STR_LEG_SLIDER] = {"the η of the slider", "滑块上的 η"},
    [STR_INPUT_X] = {"input x", "输入 x"},
    [STR_INPUT_X12] = {"input x1 →, x2 ↑", "输入 x1 →，x2 ↑"},
    [STR_MODEL_ONLY_DATA] = {"The data chart shows the model of a data surface (linreg, "
                             "neuron-mse, neuron-xent, svm-hinge, tiny-net, mlp-slice).",
                             "数据图表显示数据曲面的模型（linreg、neuron-mse、neuron-xent、"
                             "svm-hinge、tiny-net、mlp-slice）。"},
    [STR_MODEL_TITLE] = {"The model at %s = %.3g, %s = %.3g: %s",
                         "%s = %.3g、%s = %.3g 处的模型：%s"},
    [STR_SLICE_TITLE] = {"Cost along −∇C through %s (t = 0)", "沿 −∇C 穿过%s的代价（t = 0）"},
    [STR_SLICE_AXIS] = {"t: distance along −∇C", "t：沿 −∇C 的距离"},
    [STR_SLICE_COST] = {"the cost along the line", "沿直线的代价"},
    [STR_SLICE_FIRST] = {"first order: C − t·|∇C|", "一阶近似：C − t·|∇C|"},
    [STR_SLICE_GRAD] = {"|∇C| = %.4g;  C = %.4g at t = 0", "|∇C| = %.4g；t = 0 处 C = %.4g"},
    [STR_SLICE_LANDS] = {"the next step lands at t = %.4g", "下一步落在 t = %.4g"},

    [STR_EFF_RATES_ADA] = {"effective rates η/(√s + ε): %.4g for %s, %.4g for %s",
                           "有效学习率 η/(√s + ε)：%.4g（%s），%.4g（%s）"},
    [STR_EFF_RATES_ADAM] = {"effective rates (step ÷ gradient): %.4g for %s, %.4g for %s",
                            "有效学习率（步长 ÷ 梯度）：%.4g（%s），%.4g（%s）"},
    [STR_PROBE] = {"probe %s %s η = (%.4g, %.4g): C = %.4g%s",
                   "试探 %s %s η = (%.4g, %.4g)：C = %.4g%s"},
    [STR_PROBE_CHOSEN] = {"  ← the lowest: moved here", "  ← 最低：移到这里"},
    [STR_PROBE_NONE] = {"no probe is lower than C here: it stays where it is",
                        "没有试探点低于此处的 C：原地不动"},
    [STR_STEP_HEAD] = {"Step %d → %d · %s · η = %.4g · C = %.6g%s",
                       "第 %d → %d 步 · %s · η = %.4g · C = %.6g%s"},
    [STR_MINIBATCH] = {" · ∂C/∂ of a mini-batch", " · 小批量的 ∂C/∂"},
    [STR_PREDICTED] = {"ΔC predicted ∇C·Δθ = %.4g, actual %.4g (ratio %.3g)",
                       "ΔC 预测值 ∇C·Δθ = %.4g，实际 %.4g（比值 %.3g）"},
    [STR_PLAIN_STEP] = {"−η∇C: the plain gradient step", "−η∇C：普通梯度步"},
    [STR_STEP_TAKEN] = {"the step taken", "实际走的一步"},
    [STR_ZOOM_LIMIT] = {"Zoomed out as far as this surface allows (Home resets the view).",
                        "已缩小到此曲面允许的最大范围（Home 键复原视图）。"},
    [STR_VELOCITY_PUSH] = {"−ημ·v: the velocity's push", "−ημ·v：速度（动量）的推动"},
    [STR_SAMPLE] = {"sample %d", "样本 %d"},
    [STR_CHOOSE_SAMPLE] = {"∂C_i/∂%s = %.4g   (↑ ↓ choose the sample)",
                           "∂C_i/∂%s = %.4g   （↑ ↓ 选择样本）"},
    [STR_N_MORE] = {"… %d more", "… 另有 %d 个"},
    [STR_MEAN] = {"mean                %10.4g %10.4g", "平均                %10.4g %10.4g"},
    [STR_GRAD_ON_CANVAS] = {"= ∇C on the canvas: (%.4g, %.4g)", "= 画布上的 ∇C：(%.4g, %.4g)"},
    [STR_BACKPROP_ONLY] = {"Back-propagation is shown for linreg, neuron-mse, neuron-xent, "
                           "tiny-net and svm-hinge.",
                           "反向传播只对 linreg、neuron-mse、neuron-xent、tiny-net 和 "
                           "svm-hinge 显示。"},
    [STR_BACKPROP_TITLE] = {"Back-propagation through one sample, at %s",
                            "单个样本的反向传播，位于%s"},

    [STR_CHOOSER_HEAD] = {"Open a lesson or a saved scene (Esc closes)",
                          "打开课程或已保存的场景（Esc 关闭）"},
    [STR_HELP_TITLE] = {"Keys and mouse", "按键与鼠标"},
    [STR_HELP_PLAY] = {"play / pause", "播放 / 暂停"},
    [STR_HELP_STEP] = {"one step (pauses)", "走一步（暂停）"},
    [STR_HELP_RESTART] = {"restart every path from its start", "所有路径从起点重新开始"},
    [STR_HELP_CLEAR] = {"clear every path", "清除所有路径"},
    [STR_HELP_LR] = {"learning rate ÷ or × 10^¼", "学习率 ÷ 或 × 10^¼"},
    [STR_HELP_HOME] = {"reset the view", "重置视图"},
    [STR_HELP_3D] = {"3-D view (drag turns it)", "三维视图（拖动旋转）"},
    [STR_HELP_BASINS] = {"basins of attraction", "吸引域"},
    [STR_HELP_SAMPLE] = {"the sample of the back-propagation chart", "反向传播图表的样本"},
    [STR_HELP_HELP] = {"this help", "本帮助"},
    [STR_HELP_SAVE] = {"save the scene", "保存场景"},
    [STR_HELP_OPEN] = {"open a lesson or a saved scene", "打开课程或已保存的场景"},
    [STR_HELP_EXPORT] = {"export the paths as CSV", "将路径导出为 CSV"},
    [STR_HELP_SHOT] = {"save a PNG screenshot", "保存 PNG 截图"},
    [STR_HELP_FULLSCREEN] = {"fullscreen", "全屏"},
    [STR_HELP_TEXT] = {"bigger / smaller text", "放大 / 缩小文字"},
    [STR_HELP_THEME] = {"light / high-contrast theme", "浅色 / 高对比度主题"},
    [STR_HELP_LANG] = {"English / 中文", "中文 / English"},
    [STR_HELP_ESC] = {"close this help", "关闭本帮助"},
    [STR_HELP_QUIT] = {"quit", "退出"},
    [STR_MOUSE_CLICK] = {"left click", "左键单击"},
    [STR_MOUSE_CLICK_DO] = {"start a path there", "从该点开始一条路径"},
    [STR_MOUSE_DRAG] = {"drag a start", "拖动起点"},
    [STR_MOUSE_DRAG_DO] = {"move it; the path follows live", "移动起点，路径实时跟随"},
    [STR_MOUSE_RIGHT] = {"right click a start", "右键单击起点"},
    [STR_MOUSE_RIGHT_DO] = {"remove it", "删除它"},
    [STR_MOUSE_WHEEL] = {"wheel", "滚轮"},
    [STR_MOUSE_WHEEL_DO] = {"zoom about the cursor", "以光标为中心缩放"},
    [STR_MOUSE_PAN] = {"middle or Shift+drag", "中键或 Shift+拖动"},
    [STR_MOUSE_PAN_DO] = {"pan", "平移"},
    [STR_MOUSE_HOVER] = {"hover", "悬停"},
    [STR_MOUSE_HOVER_DO] = {"parameters, cost and gradient below", "在下方显示参数、代价和梯度"},
    [STR_MOUSE_FIELD] = {"click the f(x, y) field", "单击 f(x, y) 输入框"},
    [STR_MOUSE_FIELD_DO] = {"type a function; Enter shows it", "输入函数，按回车显示"},
    [STR_MOUSE_DROP] = {"drop a .scene file", "拖入 .scene 文件"},
    [STR_MOUSE_DROP_DO] = {"open it", "打开它"},
};

const char *str(StrId id, int lang)
{
    if (id < 0 || id >= STR_COUNT) return "?";
    if (lang < 0 || lang >= LANG_COUNT || !table[id][lang]) lang = LANG_EN;
    return table[id][lang] ? table[id][lang] : "?";
}

int str_lang_parse(const char *s)
{
    if (s && strcmp(s, "en") == 0) return LANG_EN;
    if (s && strcmp(s, "zh") == 0) return LANG_ZH;
    return -1;
}

int str_lang_default(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) return strncmp(v, "zh", 2) == 0 ? LANG_ZH : LANG_EN;
    }
    return LANG_EN;
}

void str_describe(const Trajectory *t, char *buf, int n, int lang)
{
    int steps = t->len > 0 ? t->len - 1 : 0;
    StrId id = t->status == TRAJ_CONVERGED  ? STR_CONVERGED_IN
               : t->status == TRAJ_DIVERGED ? STR_DIVERGED_AT
                                            : STR_MOVING_AFTER;
    snprintf(buf, n, str(id, lang), steps);
}

const char *str_status(TrajStatus s, int end, int lang)
{
    if (!end) return str(STR_RUNNING, lang);
    return str(s == TRAJ_CONVERGED ? STR_CONVERGED : s == TRAJ_DIVERGED ? STR_DIVERGED
                                                                        : STR_RUNNING,
               lang);
}
